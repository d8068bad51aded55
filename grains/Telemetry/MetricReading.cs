namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>The latest value of a metric: the one with the newest device timestamp, whatever the arrival order.</summary>
public sealed record MetricReading(string Metric, double Value, DateTimeOffset Timestamp);
