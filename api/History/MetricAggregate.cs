namespace SmartCity.Twin.Api.History;

/// <summary>Min, max, sum and count of the values of one bucket: what a bucket keeps so buckets can be combined exactly.</summary>
internal readonly record struct MetricAggregate(double Min, double Max, double Sum, long Count)
{
    public double Average => Count == 0 ? double.NaN : Sum / Count;

    public static MetricAggregate Of(double value) => new(value, value, value, 1);

    public MetricAggregate Merge(MetricAggregate other) =>
        Count == 0 ? other
        : other.Count == 0 ? this
        : new MetricAggregate(Math.Min(Min, other.Min), Math.Max(Max, other.Max), Sum + other.Sum, Count + other.Count);
}
