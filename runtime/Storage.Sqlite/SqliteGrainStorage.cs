using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SmartCity.Twin.Runtime.Storage.Sqlite;

/// <summary>
/// Grain state in a SQLite file: one row per (grain type, grain key, state name) holding the state as JSON text
/// (<see cref="GrainStateJson"/>) and a random ETag that changes on every write.
/// Clearing keeps the row as a tombstone (payload NULL, fresh ETag) so that an activation still holding the old ETag
/// cannot write over the clear; the tombstone reads as a missing record whose ETag the next write must present.
/// </summary>
public sealed class SqliteGrainStorage : JsonRowGrainStorage, IDisposable, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly string _selectSql;
    private readonly string _selectEtagSql;
    private readonly string _insertSql;
    private readonly string _updateSql;
    private readonly string _selectAllSql;

    public SqliteGrainStorage(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = SqlIdentifier.Quote(options.GrainStateTableName, nameof(options.GrainStateTableName));
        const string Key = "grain_type = $type AND grain_key = $key AND state_name = $name";
        _selectSql = $"SELECT payload, etag FROM {table} WHERE {Key};";
        _selectEtagSql = $"SELECT etag FROM {table} WHERE {Key};";
        _insertSql = $"INSERT INTO {table} (grain_type, grain_key, state_name, payload, etag, modified_at) " +
                     "VALUES ($type, $key, $name, $payload, $etag, $now) ON CONFLICT DO NOTHING;";
        _updateSql = $"UPDATE {table} SET payload = $payload, etag = $etag, modified_at = $now WHERE {Key} AND etag = $old;";
        _selectAllSql = $"SELECT grain_key, payload FROM {table} WHERE grain_type = $type AND state_name = $name AND payload IS NOT NULL;";
        _database = new SqliteDatabase(options, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                grain_type  TEXT NOT NULL,
                grain_key   TEXT NOT NULL,
                state_name  TEXT NOT NULL,
                payload     TEXT NULL,
                etag        TEXT NOT NULL,
                modified_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """);
    }

    protected override Task<(string? Payload, string? ETag)> ReadRowAsync(string stateName, GrainId grainId)
        => _database.ReadAsync(
            (Sql: _selectSql, GrainId: grainId, StateName: stateName),
            static (session, arg) =>
            {
                var command = session.Command(arg.Sql);
                AddKey(command, arg.GrainId, arg.StateName);
                using var reader = command.ExecuteReader();
                return reader.Read()
                    ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1))
                    : ((string?)null, (string?)null);
            });

    protected override async IAsyncEnumerable<(string GrainKey, string Payload)> ReadRowsAsync(
        string stateName,
        string grainType,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = await _database.TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = session.Command(_selectAllSql);
            command.Parameters.AddWithValue("$type", grainType);
            command.Parameters.AddWithValue("$name", stateName);

            // One statement stepped row by row: SQLite hands out rows as it finds them, so nothing is buffered here.
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return (reader.GetString(0), reader.GetString(1));
            }
        }
        finally
        {
            _database.ReturnReader(session);
        }
    }

    public void Dispose() => _database.Dispose();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override async Task<string> StoreRowAsync(string operation, string stateName, GrainId grainId, string? expectedEtag, string? payload)
    {
        var newEtag = Guid.NewGuid().ToString("N");
        var (stored, conflictingEtag) = await _database.WriteAsync(
            (Storage: this, GrainId: grainId, StateName: stateName, Expected: expectedEtag, New: newEtag, Payload: payload),
            static (session, arg) =>
            {
                var command = session.Command(arg.Expected is null ? arg.Storage._insertSql : arg.Storage._updateSql);
                AddKey(command, arg.GrainId, arg.StateName);
                command.Parameters.AddWithValue("$payload", (object?)arg.Payload ?? DBNull.Value);
                command.Parameters.AddWithValue("$etag", arg.New);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                if (arg.Expected is not null)
                {
                    command.Parameters.AddWithValue("$old", arg.Expected);
                }

                if (command.ExecuteNonQuery() == 1)
                {
                    return (true, null);
                }

                // Only for the error message: still under the writer lock, so this is the row that beat us.
                var select = session.Command(arg.Storage._selectEtagSql);
                AddKey(select, arg.GrainId, arg.StateName);
                return (false, (string?)select.ExecuteScalar());
            }).ConfigureAwait(false);

        if (!stored)
        {
            throw InconsistentStateException.EtagMismatch(operation, stateName, grainId, conflictingEtag, expectedEtag);
        }

        return newEtag;
    }

    private static void AddKey(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
    }
}
