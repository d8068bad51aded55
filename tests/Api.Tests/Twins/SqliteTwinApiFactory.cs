namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>The silo on SQLite storage in <paramref name="dataPath"/>, so that a second factory on the same path is the same silo restarted.</summary>
internal sealed class SqliteTwinApiFactory(string dataPath) : TwinApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:Path"] = dataPath,
    };
}
