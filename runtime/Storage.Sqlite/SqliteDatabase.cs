using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SmartCity.Twin.Runtime.Storage.Sqlite;

/// <summary>
/// Connections to one SQLite file. All writes of this provider go through a single writer connection under a lock:
/// SQLite allows one writer at a time anyway, and queueing in process is far cheaper than many connections spinning on
/// SQLITE_BUSY. Reads use a small pool of reader connections, which WAL mode lets run alongside the writer.
/// Other processes on the same file are handled by the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly string _schemaSql;
    private readonly int _maxIdleReaders = Math.Max(4, Environment.ProcessorCount);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private SqliteSession? _writer;
    private volatile bool _initialized;
    private volatile bool _disposed;

    public SqliteDatabase(SqliteStorageOptions options, string schemaSql)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = BuildConnectionString(options);
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _schemaSql = schemaSql;
    }

    /// <summary>The file name as resolved from the options, for messages.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public async Task<TResult> WriteAsync<TArg, TResult>(TArg arg, Func<SqliteSession, TArg, TResult> work, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer ??= OpenWriter();
            return work(_writer, arg);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<TResult> ReadAsync<TArg, TResult>(TArg arg, Func<SqliteSession, TArg, TResult> work, CancellationToken cancellationToken = default)
    {
        var reader = await TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work(reader, arg);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <summary>
    /// A reader connection for the caller alone until <see cref="ReturnReader"/>, for reads that stream rows across awaits
    /// and so cannot run inside one <see cref="ReadAsync{TArg, TResult}"/> callback.
    /// </summary>
    public async Task<SqliteSession> TakeReaderAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_initialized)
        {
            // The writer creates the schema; a read before any write must not hit a missing table.
            await WriteAsync(0, static (_, _) => 0, cancellationToken).ConfigureAwait(false);
        }

        return _readers.TryTake(out var pooled) ? pooled : Open();
    }

    public void ReturnReader(SqliteSession reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (_disposed || _readers.Count >= _maxIdleReaders)
        {
            reader.Dispose();
        }
        else
        {
            _readers.Add(reader);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Let an in-flight write finish rather than closing the connection under it.
        _writeLock.Wait();
        try
        {
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }

        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private SqliteSession OpenWriter()
    {
        var session = Open();
        try
        {
            using var command = session.Connection.CreateCommand();

            // WAL is a property of the file: once set it stays for every connection and process.
            command.CommandText = "PRAGMA journal_mode = WAL;" + _schemaSql;
            command.ExecuteNonQuery();
            _initialized = true;
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // NORMAL in WAL mode: a commit is durable against process crashes without an fsync per grain write;
            // only an OS crash or power loss can drop the last commits.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;");
            command.ExecuteNonQuery();
            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string BuildConnectionString(SqliteStorageOptions options)
    {
        SqliteConnectionStringBuilder builder;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.DataFolder) || string.IsNullOrWhiteSpace(options.FileName))
            {
                throw new ArgumentException("SqliteStorageOptions needs either ConnectionString or both DataFolder and FileName.", nameof(options));
            }

            builder = new SqliteConnectionStringBuilder
            {
                DataSource = Path.GetFullPath(Path.Combine(options.DataFolder, options.FileName)),
                Mode = SqliteOpenMode.ReadWriteCreate,

                // The provider keeps its own long-lived connections; a pool would only keep the file open after disposal.
                Pooling = false,
            };
        }

        var dataSource = builder.DataSource;
        if (builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(dataSource)
            && dataSource != ":memory:"
            && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
