namespace SmartCity.Twin.Api.History;

/// <summary>
/// The grain-state database, as the silo chose it from its <c>Storage</c> settings, so history lands beside the twins
/// without parsing those settings a second time. The silo registers one; without it history stays in memory.
/// </summary>
/// <param name="ConnectionString">
/// For <see cref="MetricHistoryProvider.Sqlite"/>: a Microsoft.Data.Sqlite connection string (the file of grain state);
/// for <see cref="MetricHistoryProvider.Postgres"/>: an Npgsql one. <c>null</c> for memory.
/// </param>
internal sealed record MetricHistoryDatabase(MetricHistoryProvider Provider, string? ConnectionString = null)
{
    public static MetricHistoryDatabase Memory { get; } = new(MetricHistoryProvider.Memory);

    public static MetricHistoryDatabase SqliteFile(string path) =>
        new(MetricHistoryProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString());

    public IMetricHistoryStore CreateStore() => Provider switch
    {
        MetricHistoryProvider.Sqlite => new SqliteMetricHistoryStore(ConnectionString ?? throw MissingConnectionString()),
        MetricHistoryProvider.Postgres => new PostgresMetricHistoryStore(ConnectionString ?? throw MissingConnectionString()),
        _ => new MemoryMetricHistoryStore(),
    };

    private InvalidOperationException MissingConnectionString() => new($"A {Provider} metric history needs a connection string.");
}
