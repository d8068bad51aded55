namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>The recent history of one metric, oldest first; at most <see cref="Capacity"/> samples (older ones are dropped).</summary>
public sealed record MetricHistory(string Metric, int Capacity, IReadOnlyList<MetricSample> Samples);
