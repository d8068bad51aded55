namespace SmartCity.Twin.Api.History;

/// <summary>Open buckets of the twins whose ids hash to one shard, under their own lock, so twins rarely wait on each other.</summary>
internal sealed class OpenBucketShard
{
    public Lock Lock { get; } = new();

    public Dictionary<MetricBucketKey, MetricAggregate> Buckets { get; } = [];
}
