namespace SmartCity.Twin.Api.Tests.History;

/// <summary>The silo on SQLite in a folder the test chooses, so a second factory on the same folder is the same silo restarted.</summary>
public sealed class SqliteTwinApiFactory(string dataPath) : TwinApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:Path"] = dataPath,
    };
}
