using Npgsql;

namespace SmartCity.Twin.Runtime.Storage.Postgres;

/// <summary>
/// The pooled data source of one provider, plus schema creation on first use. Creation runs under a transaction-scoped
/// advisory lock because concurrent <c>CREATE TABLE IF NOT EXISTS</c> from several silos can still fail on the catalog's
/// unique indexes.
/// </summary>
internal sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    // Arbitrary but fixed: every provider of every silo must contend for the same lock.
    private const long SchemaLockKey = 0x5457_494E_5354_4F52; // "TWINSTOR"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _createTableSql;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresDatabase(PostgresStorageOptions options, string createTableSql)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgresStorageOptions.ConnectionString is required.", nameof(options));
        }

        SqlIdentifier.Quote(options.Schema, nameof(options.Schema));
        _schema = options.Schema;
        _createTableSql = createTableSql;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public static string QualifiedName(PostgresStorageOptions options, string table, string optionName) =>
        SqlIdentifier.Quote(options.Schema, nameof(options.Schema)) + "." + SqlIdentifier.Quote(table, optionName);

    /// <summary>A command that opens a pooled connection when executed; the schema exists by then.</summary>
    public async ValueTask<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken = default)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return _dataSource.CreateCommand(sql);
    }

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SchemaLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege on the database, which a least-privilege
            // application role may lack for a schema an administrator already made.
            bool schemaExists;
            await using (var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _schema });
                schemaExists = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var sql = (schemaExists ? string.Empty : $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(_schema, "Schema")};") + _createTableSql;
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }
}
