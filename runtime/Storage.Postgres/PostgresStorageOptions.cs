namespace SmartCity.Twin.Runtime.Storage.Postgres;

/// <summary>Where the PostgreSQL providers store rows. Schema and tables are created on first use.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=twin</c>. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema holding the tables; created if missing.</summary>
    public string Schema { get; set; } = "public";

    public string GrainStateTableName { get; set; } = "grain_state";

    public string ReminderTableName { get; set; } = "reminders";
}
