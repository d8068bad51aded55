namespace SmartCity.Twin.Api.Tests.History;

/// <summary>The silo on SQLite in a folder the test chooses, so a second factory on the same folder is the same silo restarted.</summary>
public sealed class SqliteTwinApiFactory(string dataPath) : TwinApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:Path"] = dataPath,
    };

    /// <summary>Stops the silo as its shutdown does (history flushed, grains saved), once; see <see cref="SiloShutdown"/>.</summary>
    public Task StopAsync() => SiloShutdown.StopOnceAsync(Services);

    protected override void Dispose(bool disposing) => SiloShutdown.DisposeAfterStop(() => base.Dispose(disposing));
}
