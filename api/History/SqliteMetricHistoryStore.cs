using Microsoft.Data.Sqlite;

namespace SmartCity.Twin.Api.History;

/// <summary>
/// History in the silo's SQLite file (<c>twin.db</c>), table <c>metric_history</c>. Writes go through one connection
/// (the recorder's loop is the only writer, and SQLite takes one writer at a time anyway); every read opens its own,
/// which WAL mode lets run beside the writer and beside the grain storage's connections.
/// </summary>
internal sealed class SqliteMetricHistoryStore : IMetricHistoryStore, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS metric_history (
            twin_id TEXT NOT NULL,
            metric TEXT NOT NULL,
            bucket_start INTEGER NOT NULL,
            min_value REAL NOT NULL,
            max_value REAL NOT NULL,
            sum_value REAL NOT NULL,
            sample_count INTEGER NOT NULL,
            PRIMARY KEY (twin_id, metric, bucket_start)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS metric_history_by_start ON metric_history (bucket_start);
        """;

    private const string UpsertSql = """
        INSERT INTO metric_history (twin_id, metric, bucket_start, min_value, max_value, sum_value, sample_count)
        VALUES ($twin, $metric, $start, $min, $max, $sum, $count)
        ON CONFLICT (twin_id, metric, bucket_start) DO UPDATE SET
            min_value = min(metric_history.min_value, excluded.min_value),
            max_value = max(metric_history.max_value, excluded.max_value),
            sum_value = metric_history.sum_value + excluded.sum_value,
            sample_count = metric_history.sample_count + excluded.sample_count
        """;

    private const string ReadSql = """
        SELECT bucket_start, min_value, max_value, sum_value, sample_count FROM metric_history
        WHERE twin_id = $twin AND metric = $metric AND bucket_start >= $from AND bucket_start < $to
        ORDER BY bucket_start
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private SqliteConnection? writer;
    private volatile bool created;

    /// <param name="connectionString">Microsoft.Data.Sqlite connection string of the grain-state database.</param>
    public SqliteMetricHistoryStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // No pool: a disposed store must not keep the file open (a restarted host reopens it; operators move it).
            Pooling = false,
            DefaultTimeout = 30,
        };
        var file = builder.DataSource;
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(file) && file != ":memory:"
            && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        this.connectionString = builder.ToString();
    }

    public async Task UpsertAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken = default)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = Writer();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = UpsertSql;
            var twin = command.Parameters.Add("$twin", SqliteType.Text);
            var metric = command.Parameters.Add("$metric", SqliteType.Text);
            var start = command.Parameters.Add("$start", SqliteType.Integer);
            var min = command.Parameters.Add("$min", SqliteType.Real);
            var max = command.Parameters.Add("$max", SqliteType.Real);
            var sum = command.Parameters.Add("$sum", SqliteType.Real);
            var count = command.Parameters.Add("$count", SqliteType.Integer);
            command.Prepare();
            foreach (var bucket in buckets)
            {
                twin.Value = bucket.TwinId;
                metric.Value = bucket.Metric;
                start.Value = bucket.Start;
                min.Value = bucket.Values.Min;
                max.Value = bucket.Values.Max;
                sum.Value = bucket.Values.Sum;
                count.Value = bucket.Values.Count;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch
        {
            // A broken connection must not poison every later batch: the next write opens a fresh one.
            writer?.Dispose();
            writer = null;
            throw;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.Parameters.AddWithValue("$twin", twinId);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$from", fromSeconds);
        command.Parameters.AddWithValue("$to", toSeconds);
        using var reader = command.ExecuteReader();
        var buckets = new List<MetricBucket>();
        while (reader.Read())
        {
            buckets.Add(new MetricBucket(
                twinId,
                metric,
                reader.GetInt64(0),
                new MetricAggregate(reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4))));
        }

        return buckets;
    }

    public async Task<long> DeleteOlderThanAsync(long cutoffSeconds, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var command = Writer().CreateCommand();
            command.CommandText = "DELETE FROM metric_history WHERE bucket_start < $cutoff";
            command.Parameters.AddWithValue("$cutoff", cutoffSeconds);
            return command.ExecuteNonQuery();
        }
        finally
        {
            writeLock.Release();
        }
    }

    public void Dispose()
    {
        writeLock.Wait();
        try
        {
            writer?.Dispose();
            writer = null;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            Writer();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private SqliteConnection Writer()
    {
        if (writer is not null)
        {
            return writer;
        }

        var connection = Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        created = true;
        return writer = connection;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // As the grain storage does: wait for the other writer on the same file rather than fail, and commit
            // without an fsync per transaction (durable against a process crash, not a power cut).
            command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
