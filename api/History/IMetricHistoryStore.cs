namespace SmartCity.Twin.Api.History;

/// <summary>
/// Where metric buckets are persisted: the same provider and database as grain state, in its own table, created on
/// first use. Implementations are thread-safe.
/// </summary>
internal interface IMetricHistoryStore
{
    /// <summary>
    /// Writes the buckets in one transaction. A bucket already stored under the same key is combined with the new one
    /// (min of mins, max of maxes, sums and counts added), so a late point for a flushed bucket merges into it.
    /// </summary>
    Task UpsertAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken = default);

    /// <summary>The buckets of one series starting in [<paramref name="fromSeconds"/>, <paramref name="toSeconds"/>), oldest first.</summary>
    Task<IReadOnlyList<MetricBucket>> ReadAsync(string twinId, string metric, long fromSeconds, long toSeconds, CancellationToken cancellationToken = default);

    /// <summary>Deletes every bucket starting before <paramref name="cutoffSeconds"/>; returns how many.</summary>
    Task<long> DeleteOlderThanAsync(long cutoffSeconds, CancellationToken cancellationToken = default);
}
