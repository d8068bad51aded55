using Npgsql;
using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Postgres;

/// <summary>
/// Reminders in PostgreSQL, one row per (grain id, reminder name). Start times are <c>timestamptz</c> (microsecond
/// precision, stored as UTC); periods are ticks so they round-trip exactly. Every upsert assigns a new random ETag.
/// </summary>
public sealed class PostgresReminderTable : IReminderTable, IDisposable, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly string _selectAllSql;
    private readonly string _selectGrainSql;
    private readonly string _selectRowSql;
    private readonly string _upsertSql;
    private readonly string _deleteSql;

    public PostgresReminderTable(PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = PostgresDatabase.QualifiedName(options, options.ReminderTableName, nameof(options.ReminderTableName));
        const string Columns = "grain_id, reminder_name, start_at, period_ticks, etag";

        // COLLATE "C": the same ordinal order as the other providers, whatever the database's locale.
        _selectAllSql = $"SELECT {Columns} FROM {table} ORDER BY grain_id COLLATE \"C\", reminder_name COLLATE \"C\"";
        _selectGrainSql = $"SELECT {Columns} FROM {table} WHERE grain_id = $1 ORDER BY reminder_name COLLATE \"C\"";
        _selectRowSql = $"SELECT {Columns} FROM {table} WHERE grain_id = $1 AND reminder_name = $2";
        _upsertSql = $"INSERT INTO {table} ({Columns}) VALUES ($1, $2, $3, $4, $5) " +
                     "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET start_at = EXCLUDED.start_at, period_ticks = EXCLUDED.period_ticks, etag = EXCLUDED.etag";
        _deleteSql = $"DELETE FROM {table} WHERE grain_id = $1 AND reminder_name = $2 AND etag = $3";
        _database = new PostgresDatabase(options, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                grain_id      text NOT NULL,
                reminder_name text NOT NULL,
                start_at      timestamptz NOT NULL,
                period_ticks  bigint NOT NULL,
                etag          text NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            );
            """);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = await _database.CommandAsync(_selectAllSql, cancellationToken).ConfigureAwait(false);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = await _database.CommandAsync(_selectGrainSql, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        await using var command = await _database.CommandAsync(_selectRowSql, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        var rows = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        await using var command = await _database.CommandAsync(_upsertSql, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.GrainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName });

        // Npgsql only writes UTC DateTimeOffsets to timestamptz.
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = etag });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        await using var command = await _database.CommandAsync(_deleteSql, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eTag });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public void Dispose() => _database.Dispose();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTimeOffset>(2),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return rows;
    }
}
