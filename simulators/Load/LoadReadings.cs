using System.Text.Json;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>Reads a load device's stamps back from a twin as the API and the hub show it (<c>metrics: [{metric, value}]</c>).</summary>
internal static class LoadReadings
{
    /// <summary>When the device published the value the twin shows (Unix microseconds), or <c>null</c> before any.</summary>
    public static double? Sent(JsonElement twin) => Metric(twin, LoadFleet.SentMetric);

    /// <summary>The sequence number of the last message the twin took from the device, or <c>null</c> before any.</summary>
    public static double? Sequence(JsonElement twin) => Metric(twin, LoadFleet.SequenceMetric);

    private static double? Metric(JsonElement twin, string name)
    {
        if (!twin.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var reading in metrics.EnumerateArray())
        {
            if (reading.TryGetProperty("metric", out var metric) && metric.ValueEquals(name) && reading.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetDouble();
            }
        }

        return null;
    }
}
