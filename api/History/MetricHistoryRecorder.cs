using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.History;

/// <summary>
/// Turns accepted telemetry into history: every point goes into the bucket of its (twin, metric) and its device
/// timestamp, in memory; a background loop writes closed buckets in batches, one transaction each, and deletes
/// buckets past retention. 100,000 devices reporting 4 metrics every second cost about 400,000 rows a minute, not
/// 400,000 rows a second.
/// </summary>
/// <remarks>
/// The twin's side (<see cref="OnDeviceChanged"/>) only takes a short lock on one of <see cref="ShardCount"/> shards and
/// updates a dictionary entry: it never waits for the database and never throws. When the database is slow or down,
/// closed buckets wait in memory up to <see cref="MetricHistoryOptions.MaxPendingBuckets"/>, the oldest dropped first.
/// Reads combine what is stored with what still waits in memory, so a point is visible as soon as the twin accepted it.
/// </remarks>
internal sealed class MetricHistoryRecorder : BackgroundService, ITwinObserver
{
    private const int ShardCount = 64;

    /// <summary>Points this late (device clock vs. silo clock) still land in their bucket before it is written; later ones are merged into the stored bucket.</summary>
    private static readonly TimeSpan LateArrivalGrace = TimeSpan.FromSeconds(5);

    private readonly OpenBucketShard[] shards;
    private readonly IMetricHistoryStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<MetricHistoryRecorder> logger;
    private readonly MetricHistoryOptions options;
    private readonly long resolution;
    private readonly int shardCapacity;

    // Held while buckets move from memory to the store, and by readers, so a reader never sees a bucket twice or not at all.
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<MetricBucketKey, MetricAggregate> pending = [];
    private long droppedPoints;
    private bool storeFailing;

    public MetricHistoryRecorder(IMetricHistoryStore store, TimeProvider clock, IOptions<MetricHistoryOptions> options, ILogger<MetricHistoryRecorder> logger)
    {
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        this.options = options.Value;
        resolution = this.options.ResolutionSeconds;
        shardCapacity = Math.Max(1, this.options.MaxOpenBuckets / ShardCount);
        shards = new OpenBucketShard[ShardCount];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = new OpenBucketShard();
        }
    }

    public TimeSpan Resolution => options.Resolution;

    public TimeSpan Retention => options.Retention;

    public void OnDeviceChanged(DeviceTwinChange change)
    {
        if (change.What == DeviceTwinChangeKind.Telemetry && change.Points.Count > 0)
        {
            Record(change.Twin.Id, change.Points);
        }
    }

    /// <summary>Adds points to their buckets. Also how KPI series (pseudo twins such as <c>district:dong-hung</c>) are recorded.</summary>
    public void Record(string twinId, IReadOnlyList<TelemetryPoint> points)
    {
        var shard = ShardOf(twinId);
        var dropped = 0;
        lock (shard.Lock)
        {
            var buckets = shard.Buckets;
            foreach (var point in points)
            {
                var key = new MetricBucketKey(twinId, point.Metric, BucketStart(point.Timestamp));
                if (buckets.Count >= shardCapacity)
                {
                    if (buckets.TryGetValue(key, out var existing))
                    {
                        buckets[key] = existing.Merge(MetricAggregate.Of(point.Value));
                    }
                    else
                    {
                        dropped++;
                    }

                    continue;
                }

                ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out var exists);
                values = exists ? values.Merge(MetricAggregate.Of(point.Value)) : MetricAggregate.Of(point.Value);
            }
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref droppedPoints, dropped);
        }
    }

    /// <summary>The buckets of one series starting in [<paramref name="fromSeconds"/>, <paramref name="toSeconds"/>), stored or still in memory, oldest first.</summary>
    public async Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var combined = new SortedDictionary<long, MetricAggregate>();
            foreach (var bucket in await store.ReadAsync(twinId, metric, fromSeconds, toSeconds, cancellationToken))
            {
                Add(combined, bucket.Start, bucket.Values);
            }

            foreach (var (key, values) in pending)
            {
                if (IsOf(key, twinId, metric, fromSeconds, toSeconds))
                {
                    Add(combined, key.Start, values);
                }
            }

            var shard = ShardOf(twinId);
            lock (shard.Lock)
            {
                foreach (var (key, values) in shard.Buckets)
                {
                    if (IsOf(key, twinId, metric, fromSeconds, toSeconds))
                    {
                        Add(combined, key.Start, values);
                    }
                }
            }

            return combined.Select(b => new MetricBucket(twinId, metric, b.Key, b.Value)).ToArray();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes closed buckets (all open ones too with <paramref name="includeOpen"/>); what the store refuses stays pending.</summary>
    public async Task FlushAsync(bool includeOpen = false, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var closedBefore = includeOpen ? long.MaxValue : BucketStart(clock.GetUtcNow() - LateArrivalGrace);
            foreach (var shard in shards)
            {
                lock (shard.Lock)
                {
                    foreach (var (key, values) in shard.Buckets)
                    {
                        if (key.Start < closedBefore)
                        {
                            AddPending(key, values);
                            shard.Buckets.Remove(key);
                        }
                    }
                }
            }

            ReportDroppedPoints();
            await WritePendingAsync(cancellationToken);
            TrimPending();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes buckets that started more than <see cref="MetricHistoryOptions.Retention"/> ago.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = BucketStart(clock.GetUtcNow() - options.Retention);
        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var key in pending.Keys.Where(k => k.Start < cutoff).ToArray())
            {
                pending.Remove(key);
            }

            var deleted = await store.DeleteOlderThanAsync(cutoff, cancellationToken);
            if (deleted > 0)
            {
                MetricHistoryLog.RetentionDeleted(logger, deleted, options.Retention);
            }

            return deleted;
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(includeOpen: true, cancellationToken);
        }
        catch (Exception exception)
        {
            MetricHistoryLog.FinalFlushFailed(logger, exception, pending.Count);
        }
    }

    /// <summary>The start (Unix seconds) of the bucket holding <paramref name="at"/>.</summary>
    public long BucketStart(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        return seconds - (((seconds % resolution) + resolution) % resolution);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.FlushInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await FlushAsync(cancellationToken: stoppingToken);
                if (clock.GetUtcNow() >= nextSweep)
                {
                    await SweepAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + options.RetentionSweepInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MetricHistoryLog.LoopFailed(logger, exception);
            }
        }
    }

    private static bool IsOf(MetricBucketKey key, string twinId, string metric, long fromSeconds, long toSeconds) =>
        key.Start >= fromSeconds && key.Start < toSeconds
        && string.Equals(key.TwinId, twinId, StringComparison.Ordinal)
        && string.Equals(key.Metric, metric, StringComparison.Ordinal);

    private static void Add(SortedDictionary<long, MetricAggregate> combined, long start, MetricAggregate values) =>
        combined[start] = combined.TryGetValue(start, out var existing) ? existing.Merge(values) : values;

    private OpenBucketShard ShardOf(string twinId) => shards[(StringComparer.Ordinal.GetHashCode(twinId) & int.MaxValue) % ShardCount];

    private void AddPending(MetricBucketKey key, MetricAggregate values)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(pending, key, out var exists);
        slot = exists ? slot.Merge(values) : values;
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        // In key order: each series' buckets sit together in the table's primary key, so sorted batches walk the
        // B-tree once instead of touching a random page per row.
        var keys = pending.Keys.ToArray();
        Array.Sort(keys, BucketKeyOrder);
        var batch = new List<MetricBucket>(Math.Min(options.BatchSize, keys.Length));
        for (var offset = 0; offset < keys.Length; offset += batch.Count)
        {
            batch.Clear();
            for (var i = offset; i < keys.Length && batch.Count < options.BatchSize; i++)
            {
                var key = keys[i];
                batch.Add(new MetricBucket(key.TwinId, key.Metric, key.Start, pending[key]));
            }

            try
            {
                await store.UpsertAsync(batch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // Kept for the next flush; logged once per outage, not once per flush.
                if (!storeFailing)
                {
                    MetricHistoryLog.WriteFailed(logger, exception, pending.Count);
                }

                storeFailing = true;
                return;
            }

            if (storeFailing)
            {
                storeFailing = false;
                MetricHistoryLog.WriteRecovered(logger);
            }

            foreach (var bucket in batch)
            {
                pending.Remove(bucket.Key);
            }
        }
    }

    private static int BucketKeyOrder(MetricBucketKey x, MetricBucketKey y)
    {
        var byTwin = string.CompareOrdinal(x.TwinId, y.TwinId);
        if (byTwin != 0)
        {
            return byTwin;
        }

        var byMetric = string.CompareOrdinal(x.Metric, y.Metric);
        return byMetric != 0 ? byMetric : x.Start.CompareTo(y.Start);
    }

    private void TrimPending()
    {
        var excess = pending.Count - options.MaxPendingBuckets;
        if (excess <= 0)
        {
            return;
        }

        foreach (var key in pending.Keys.OrderBy(k => k.Start).Take(excess).ToArray())
        {
            pending.Remove(key);
        }

        MetricHistoryLog.PendingDropped(logger, excess, options.MaxPendingBuckets);
    }

    private void ReportDroppedPoints()
    {
        var dropped = Interlocked.Exchange(ref droppedPoints, 0);
        if (dropped > 0)
        {
            MetricHistoryLog.PointsDropped(logger, dropped, options.MaxOpenBuckets);
        }
    }
}
