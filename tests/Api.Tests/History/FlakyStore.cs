using SmartCity.Twin.Api.History;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>A store whose writes fail while <see cref="Failing"/> is set, as a database that went away.</summary>
internal sealed class FlakyStore : IMetricHistoryStore
{
    private readonly MemoryMetricHistoryStore inner = new();

    public bool Failing { get; set; }

    public Task UpsertAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken = default) =>
        Failing ? throw new IOException("database unavailable") : inner.UpsertAsync(buckets, cancellationToken);

    public Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(twinId, metric, fromSeconds, toSeconds, cancellationToken);

    public Task<long> DeleteOlderThanAsync(long cutoffSeconds, CancellationToken cancellationToken = default) =>
        inner.DeleteOlderThanAsync(cutoffSeconds, cancellationToken);
}
