using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Silo.Configuration;

/// <summary>The <c>Storage</c> section, validated once at start.</summary>
internal sealed record StorageSettings(StorageProviderKind Provider, string DataPath, string? ConnectionString)
{
    public const string SectionName = "Storage";
    public const string DefaultDataPath = "./data";
    public const string SqliteFileName = "twin.db";

    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? StorageProviderKind.Sqlite : ParseProvider(providerText);

        var pathText = section["Path"];
        var dataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(pathText) ? DefaultDataPath : pathText);

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = null;
        }

        if (provider == StorageProviderKind.Postgres && connectionString is null)
        {
            throw new SiloConfigurationException(
                "Storage:Provider is 'postgres' but Storage:ConnectionString is not set. "
                + "Set it, e.g. --Storage:ConnectionString \"Host=127.0.0.1;Port=5432;Username=twin;Database=twin\" "
                + "or the environment variable Storage__ConnectionString.");
        }

        return new StorageSettings(provider, dataPath, connectionString);
    }

    /// <summary>The same database for the metric history the API records, which lives beside grain state in its own table.</summary>
    public MetricHistoryDatabase ToMetricHistoryDatabase() => Provider switch
    {
        StorageProviderKind.Sqlite when ConnectionString is not null => new MetricHistoryDatabase(MetricHistoryProvider.Sqlite, ConnectionString),
        StorageProviderKind.Sqlite => MetricHistoryDatabase.SqliteFile(Path.Combine(DataPath, SqliteFileName)),
        StorageProviderKind.Postgres => new MetricHistoryDatabase(MetricHistoryProvider.Postgres, ConnectionString),
        _ => MetricHistoryDatabase.Memory,
    };

    private static StorageProviderKind ParseProvider(string text) => text.Trim().ToLowerInvariant() switch
    {
        "sqlite" => StorageProviderKind.Sqlite,
        "postgres" or "postgresql" => StorageProviderKind.Postgres,
        "memory" => StorageProviderKind.Memory,
        _ => throw new SiloConfigurationException(
            $"Storage:Provider '{text}' is not supported. Use one of: sqlite (default), postgres, memory."),
    };
}
