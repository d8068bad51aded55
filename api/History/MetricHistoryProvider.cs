namespace SmartCity.Twin.Api.History;

/// <summary>Which database holds metric history: always the one that holds grain state.</summary>
internal enum MetricHistoryProvider
{
    Memory,
    Sqlite,
    Postgres,
}
