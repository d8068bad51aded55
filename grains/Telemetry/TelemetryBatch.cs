namespace SmartCity.Twin.Grains.Telemetry;

/// <summary>Telemetry of one device as a gateway received it: one or more points, possibly with different timestamps and out of order.</summary>
/// <param name="ReceivedAt">
/// When the gateway received the message (a server clock, unlike the device-clock point timestamps). It orders the
/// message against connectivity reports: a batch received before an offline report does not bring the device back
/// online even if the twin processes it later. <c>null</c>: the silo clock when the twin processes it.
/// </param>
public sealed record TelemetryBatch(IReadOnlyList<TelemetryPoint> Points, DateTimeOffset? ReceivedAt = null)
{
    /// <summary>A batch of values measured at the same time, received at that time.</summary>
    public static TelemetryBatch Of(DateTimeOffset timestamp, params ReadOnlySpan<(string Metric, double Value)> values)
    {
        var points = new TelemetryPoint[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            points[i] = new TelemetryPoint(values[i].Metric, values[i].Value, timestamp);
        }

        return new TelemetryBatch(points, timestamp);
    }
}
