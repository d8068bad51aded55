namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>One measured value of one metric at the time the device measured it.</summary>
/// <param name="Metric">Metric name, e.g. <c>pm2_5</c>, <c>temperature</c>, <c>queue_length</c>: 1–64 characters, no whitespace or control characters.</param>
public readonly record struct TelemetryPoint(string Metric, double Value, DateTimeOffset Timestamp)
{
    /// <summary>The earliest time a twin keeps in its history; older points are dropped.</summary>
    public static DateTimeOffset EarliestTimestamp { get; } = DateTimeOffset.FromUnixTimeSeconds(MetricSeries.Epoch);
}
