namespace SmartCity.Twin.Runtime.Storage.Sqlite;

/// <summary>
/// Where and how the SQLite providers store rows. Either set <see cref="ConnectionString"/>, or leave it <c>null</c> and
/// the database is the file <see cref="FileName"/> (default <c>twin.db</c>) in <see cref="DataFolder"/> (default <c>data</c>,
/// relative to the current directory). The folder is created if missing.
/// </summary>
public sealed class SqliteStorageOptions
{
    public const string DefaultDataFolder = "data";

    public const string DefaultFileName = "twin.db";

    /// <summary>
    /// A full Microsoft.Data.Sqlite connection string; when set, <see cref="DataFolder"/> and <see cref="FileName"/> are ignored.
    /// Add <c>Pooling=False</c> if the file must be released when the provider is disposed (the folder-based default does).
    /// </summary>
    public string? ConnectionString { get; set; }

    public string DataFolder { get; set; } = DefaultDataFolder;

    public string FileName { get; set; } = DefaultFileName;

    /// <summary>Table of grain state rows; created on first use.</summary>
    public string GrainStateTableName { get; set; } = "grain_state";

    /// <summary>Table of reminder rows; created on first use.</summary>
    public string ReminderTableName { get; set; } = "reminders";

    /// <summary>How long a statement waits for another process's write lock on the file before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
