namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>Telemetry of one device as a gateway received it: one or more points, possibly with different timestamps and out of order.</summary>
public sealed record TelemetryBatch(IReadOnlyList<TelemetryPoint> Points)
{
    public static TelemetryBatch Of(DateTimeOffset timestamp, params ReadOnlySpan<(string Metric, double Value)> values)
    {
        var points = new TelemetryPoint[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            points[i] = new TelemetryPoint(values[i].Metric, values[i].Value, timestamp);
        }

        return new TelemetryBatch(points);
    }
}
