namespace SmartCity.Twin.Simulators.Load;

/// <summary>p50/p90/p99/max of one probe's latencies, in milliseconds, over <see cref="Samples"/> samples.</summary>
internal sealed record LatencyPercentiles(int Samples, double P50, double P90, double P99, double Max)
{
    public static LatencyPercentiles None { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN);
}
