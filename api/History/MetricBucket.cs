namespace SmartCity.Twin.Api.History;

/// <summary>One stored bucket of one series: the values whose device timestamps fall in [<see cref="Start"/>, start + resolution).</summary>
/// <param name="TwinId">A device twin id, or a pseudo twin such as <c>district:dong-hung</c> for KPI series.</param>
/// <param name="Start">Unix seconds, a multiple of the resolution.</param>
internal readonly record struct MetricBucket(string TwinId, string Metric, long Start, MetricAggregate Values)
{
    public MetricBucketKey Key => new(TwinId, Metric, Start);
}
