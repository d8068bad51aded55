using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace SmartCity.Twin.Runtime.Storage.Postgres;

/// <summary>
/// Grain state in PostgreSQL: one row per (grain type, grain key, state name) holding the state as JSON
/// (<see cref="GrainStateJson"/>) and a random ETag that changes on every write. The payload column is <c>text</c>,
/// not <c>jsonb</c>: jsonb rejects <c>\u0000</c> in strings and costs a parse per write; cast to jsonb to query it.
/// Clearing keeps the row as a tombstone (payload NULL, fresh ETag) so that an activation still holding the old ETag
/// cannot write over the clear; the tombstone reads as a missing record whose ETag the next write must present.
/// </summary>
public sealed class PostgresGrainStorage : JsonRowGrainStorage, IDisposable, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly string _selectSql;
    private readonly string _selectEtagSql;
    private readonly string _insertSql;
    private readonly string _updateSql;
    private readonly string _selectAllSql;

    public PostgresGrainStorage(PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = PostgresDatabase.QualifiedName(options, options.GrainStateTableName, nameof(options.GrainStateTableName));
        const string Key = "grain_type = $1 AND grain_key = $2 AND state_name = $3";
        _selectSql = $"SELECT payload, etag FROM {table} WHERE {Key}";
        _selectEtagSql = $"SELECT etag FROM {table} WHERE {Key}";
        _insertSql = $"INSERT INTO {table} (grain_type, grain_key, state_name, payload, etag, modified_at) " +
                     "VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING";
        _updateSql = $"UPDATE {table} SET payload = $4, etag = $5, modified_at = now() WHERE {Key} AND etag = $6";
        _selectAllSql = $"SELECT grain_key, payload FROM {table} WHERE grain_type = $1 AND state_name = $2 AND payload IS NOT NULL";
        _database = new PostgresDatabase(options, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                grain_type  text NOT NULL,
                grain_key   text NOT NULL,
                state_name  text NOT NULL,
                payload     text NULL,
                etag        text NOT NULL,
                modified_at timestamptz NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """);
    }

    protected override async Task<(string? Payload, string? ETag)> ReadRowAsync(string stateName, GrainId grainId)
    {
        string? payload = null;
        string? etag = null;
        await using (var command = await _database.CommandAsync(_selectSql).ConfigureAwait(false))
        {
            AddKey(command, grainId, stateName);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                payload = reader.IsDBNull(0) ? null : reader.GetString(0);
                etag = reader.GetString(1);
            }
        }

        return (payload, etag);
    }

    protected override async IAsyncEnumerable<(string GrainKey, string Payload)> ReadRowsAsync(
        string stateName,
        string grainType,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = await _database.CommandAsync(_selectAllSql, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });

        // Npgsql reads the result from the socket as the caller advances, so the rows are never all in memory.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = await reader.GetFieldValueAsync<string>(0, cancellationToken).ConfigureAwait(false);
            var payload = await reader.GetFieldValueAsync<string>(1, cancellationToken).ConfigureAwait(false);
            yield return (key, payload);
        }
    }

    public void Dispose() => _database.Dispose();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override async Task<string> StoreRowAsync(string operation, string stateName, GrainId grainId, string? expectedEtag, string? payload)
    {
        var newEtag = Guid.NewGuid().ToString("N");
        await using (var command = await _database.CommandAsync(expectedEtag is null ? _insertSql : _updateSql).ConfigureAwait(false))
        {
            AddKey(command, grainId, stateName);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)payload ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = newEtag });
            if (expectedEtag is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = expectedEtag });
            }

            if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1)
            {
                return newEtag;
            }
        }

        // Only for the error message; the row may have changed again since, which does not alter the outcome.
        string? storedEtag;
        await using (var select = await _database.CommandAsync(_selectEtagSql).ConfigureAwait(false))
        {
            AddKey(select, grainId, stateName);
            storedEtag = await select.ExecuteScalarAsync().ConfigureAwait(false) as string;
        }

        throw InconsistentStateException.EtagMismatch(operation, stateName, grainId, storedEtag, expectedEtag);
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
    }
}
