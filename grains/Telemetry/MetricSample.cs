namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>A point of a metric's recent history. History timestamps have one-second resolution.</summary>
public readonly record struct MetricSample(DateTimeOffset Timestamp, double Value);
