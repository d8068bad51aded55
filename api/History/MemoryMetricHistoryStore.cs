namespace SmartCity.Twin.Api.History;

/// <summary>History for <c>Storage:Provider=memory</c>: gone with the process, like the grain state beside it.</summary>
internal sealed class MemoryMetricHistoryStore : IMetricHistoryStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string TwinId, string Metric), SortedDictionary<long, MetricAggregate>> series = [];

    public Task UpsertAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var bucket in buckets)
            {
                if (!series.TryGetValue((bucket.TwinId, bucket.Metric), out var stored))
                {
                    stored = [];
                    series.Add((bucket.TwinId, bucket.Metric), stored);
                }

                stored[bucket.Start] = stored.TryGetValue(bucket.Start, out var existing) ? existing.Merge(bucket.Values) : bucket.Values;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!series.TryGetValue((twinId, metric), out var stored))
            {
                return Task.FromResult<IReadOnlyList<MetricBucket>>([]);
            }

            IReadOnlyList<MetricBucket> found = stored
                .Where(b => b.Key >= fromSeconds && b.Key < toSeconds)
                .Select(b => new MetricBucket(twinId, metric, b.Key, b.Value))
                .ToArray();
            return Task.FromResult(found);
        }
    }

    public Task<long> DeleteOlderThanAsync(long cutoffSeconds, CancellationToken cancellationToken = default)
    {
        long deleted = 0;
        lock (gate)
        {
            foreach (var (key, stored) in series.ToArray())
            {
                foreach (var start in stored.Keys.TakeWhile(s => s < cutoffSeconds).ToArray())
                {
                    stored.Remove(start);
                    deleted++;
                }

                if (stored.Count == 0)
                {
                    series.Remove(key);
                }
            }
        }

        return Task.FromResult(deleted);
    }
}
