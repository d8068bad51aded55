using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Sqlite;

/// <summary>
/// Reminders in a SQLite file, one row per (grain id, reminder name). Start times are stored as ISO 8601 UTC text and
/// periods as ticks, so both round-trip exactly. Every upsert assigns a new random ETag.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IDisposable, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly string _selectAllSql;
    private readonly string _selectGrainSql;
    private readonly string _selectRowSql;
    private readonly string _upsertSql;
    private readonly string _deleteSql;

    public SqliteReminderTable(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = SqlIdentifier.Quote(options.ReminderTableName, nameof(options.ReminderTableName));
        const string Columns = "grain_id, reminder_name, start_at, period_ticks, etag";
        _selectAllSql = $"SELECT {Columns} FROM {table} ORDER BY grain_id, reminder_name;";
        _selectGrainSql = $"SELECT {Columns} FROM {table} WHERE grain_id = $grain ORDER BY reminder_name;";
        _selectRowSql = $"SELECT {Columns} FROM {table} WHERE grain_id = $grain AND reminder_name = $name;";
        _upsertSql = $"INSERT INTO {table} ({Columns}) VALUES ($grain, $name, $start, $period, $etag) " +
                     "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET start_at = excluded.start_at, period_ticks = excluded.period_ticks, etag = excluded.etag;";
        _deleteSql = $"DELETE FROM {table} WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag;";
        _database = new SqliteDatabase(options, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                grain_id      TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                start_at      TEXT NOT NULL,
                period_ticks  INTEGER NOT NULL,
                etag          TEXT NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            );
            """);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            _selectAllSql,
            static (session, sql) => ReadEntries(session.Command(sql)),
            cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            (Sql: _selectGrainSql, GrainId: grainId),
            static (session, arg) =>
            {
                var command = session.Command(arg.Sql);
                command.Parameters.AddWithValue("$grain", arg.GrainId.ToString());
                return ReadEntries(command);
            },
            cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        var rows = await _database.ReadAsync(
            (Sql: _selectRowSql, GrainId: grainId, Name: reminderName),
            static (session, arg) =>
            {
                var command = session.Command(arg.Sql);
                command.Parameters.AddWithValue("$grain", arg.GrainId.ToString());
                command.Parameters.AddWithValue("$name", arg.Name);
                return ReadEntries(command);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.WriteAsync(
            (Sql: _upsertSql, Entry: entry),
            static (session, arg) =>
            {
                var etag = Guid.NewGuid().ToString("N");
                var command = session.Command(arg.Sql);
                command.Parameters.AddWithValue("$grain", arg.Entry.GrainId.ToString());
                command.Parameters.AddWithValue("$name", arg.Entry.ReminderName);
                command.Parameters.AddWithValue("$start", arg.Entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$period", arg.Entry.Period.Ticks);
                command.Parameters.AddWithValue("$etag", etag);
                command.ExecuteNonQuery();
                return etag;
            },
            cancellationToken);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default) =>
        _database.WriteAsync(
            (Sql: _deleteSql, GrainId: grainId, Name: reminderName, ETag: eTag),
            static (session, arg) =>
            {
                var command = session.Command(arg.Sql);
                command.Parameters.AddWithValue("$grain", arg.GrainId.ToString());
                command.Parameters.AddWithValue("$name", arg.Name);
                command.Parameters.AddWithValue("$etag", arg.ETag);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public void Dispose() => _database.Dispose();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IReadOnlyList<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        var rows = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return rows;
    }
}
