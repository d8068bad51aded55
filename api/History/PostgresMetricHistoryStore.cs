using Npgsql;
using NpgsqlTypes;

namespace SmartCity.Twin.Api.History;

/// <summary>
/// History in the silo's PostgreSQL database, table <c>metric_history</c> in the connection's search path. A batch is
/// one statement over arrays (one round trip, one implicit transaction), however many buckets it holds.
/// </summary>
internal sealed class PostgresMetricHistoryStore : IMetricHistoryStore, IAsyncDisposable, IDisposable
{
    // Fixed, so every silo sharing the database serialises its CREATE TABLE IF NOT EXISTS (which can still race on the catalog).
    private const long SchemaLockKey = 0x5457_494E_4849_5354; // "TWINHIST"

    private const string Schema = """
        SELECT pg_advisory_xact_lock(@lock);
        CREATE TABLE IF NOT EXISTS metric_history (
            twin_id text NOT NULL,
            metric text NOT NULL,
            bucket_start bigint NOT NULL,
            min_value double precision NOT NULL,
            max_value double precision NOT NULL,
            sum_value double precision NOT NULL,
            sample_count bigint NOT NULL,
            PRIMARY KEY (twin_id, metric, bucket_start));
        CREATE INDEX IF NOT EXISTS metric_history_by_start ON metric_history (bucket_start);
        """;

    private const string UpsertSql = """
        INSERT INTO metric_history AS h (twin_id, metric, bucket_start, min_value, max_value, sum_value, sample_count)
        SELECT * FROM unnest(@twin, @metric, @start, @min, @max, @sum, @count)
        ON CONFLICT (twin_id, metric, bucket_start) DO UPDATE SET
            min_value = LEAST(h.min_value, excluded.min_value),
            max_value = GREATEST(h.max_value, excluded.max_value),
            sum_value = h.sum_value + excluded.sum_value,
            sample_count = h.sample_count + excluded.sample_count
        """;

    private const string ReadSql = """
        SELECT bucket_start, min_value, max_value, sum_value, sample_count FROM metric_history
        WHERE twin_id = @twin AND metric = @metric AND bucket_start >= @from AND bucket_start < @to
        ORDER BY bucket_start
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SemaphoreSlim createLock = new(1, 1);
    private volatile bool created;

    public PostgresMetricHistoryStore(string connectionString)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task UpsertAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken = default)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        // One statement cannot update the same row twice, so equal keys in a batch are combined first.
        var merged = new Dictionary<MetricBucketKey, MetricAggregate>(buckets.Count);
        foreach (var bucket in buckets)
        {
            merged[bucket.Key] = merged.TryGetValue(bucket.Key, out var existing) ? existing.Merge(bucket.Values) : bucket.Values;
        }

        var count = merged.Count;
        var twins = new string[count];
        var metrics = new string[count];
        var starts = new long[count];
        var mins = new double[count];
        var maxes = new double[count];
        var sums = new double[count];
        var counts = new long[count];
        var i = 0;
        foreach (var (key, values) in merged)
        {
            twins[i] = key.TwinId;
            metrics[i] = key.Metric;
            starts[i] = key.Start;
            mins[i] = values.Min;
            maxes[i] = values.Max;
            sums[i] = values.Sum;
            counts[i] = values.Count;
            i++;
        }

        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter("twin", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = twins });
        command.Parameters.Add(new NpgsqlParameter("metric", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = metrics });
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = starts });
        command.Parameters.Add(new NpgsqlParameter("min", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = mins });
        command.Parameters.Add(new NpgsqlParameter("max", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = maxes });
        command.Parameters.Add(new NpgsqlParameter("sum", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = sums });
        command.Parameters.Add(new NpgsqlParameter("count", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = counts });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("twin", twinId);
        command.Parameters.AddWithValue("metric", metric);
        command.Parameters.AddWithValue("from", fromSeconds);
        command.Parameters.AddWithValue("to", toSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buckets = new List<MetricBucket>();
        while (await reader.ReadAsync(cancellationToken))
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
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("DELETE FROM metric_history WHERE bucket_start < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoffSeconds);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createLock.WaitAsync(cancellationToken);
        try
        {
            if (created)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Schema, connection, transaction);
            command.Parameters.AddWithValue("lock", SchemaLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            created = true;
        }
        finally
        {
            createLock.Release();
        }
    }
}
