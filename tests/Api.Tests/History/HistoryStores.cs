using Npgsql;
using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>
/// One of each history store for a test class: in memory, SQLite in a private temporary file, and PostgreSQL in a private
/// schema when <c>TWIN_TEST_POSTGRES</c> holds a connection string (as for tests/Storage.Tests). Tests get a store by
/// provider name and use their own twin ids, so they share the stores.
/// </summary>
public sealed class HistoryStores : IAsyncLifetime
{
    public const string PostgresVariable = "TWIN_TEST_POSTGRES";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "twin-history-store-" + Guid.NewGuid().ToString("N"));
    private readonly string schema = "history_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Dictionary<string, IMetricHistoryStore> stores = [];

    /// <summary>The providers this run covers: memory and sqlite always, postgres when its server is configured.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { "memory", "sqlite" };
            if (PostgresConnectionString is not null)
            {
                providers.Add("postgres");
            }

            return providers;
        }
    }

    private static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    internal IMetricHistoryStore this[string provider] => stores[provider];

    public async Task InitializeAsync()
    {
        stores["memory"] = MetricHistoryDatabase.Memory.CreateStore();
        stores["sqlite"] = MetricHistoryDatabase.SqliteFile(Path.Combine(folder, "twin.db")).CreateStore();
        if (PostgresConnectionString is { } connectionString)
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
            stores["postgres"] = new MetricHistoryDatabase(MetricHistoryProvider.Postgres, scoped).CreateStore();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var store in stores.Values)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        if (PostgresConnectionString is { } connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
