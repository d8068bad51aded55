using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Silo.Endpoints;

/// <summary>
/// Parses <c>{"ts": &lt;unix ms | ISO 8601, optional&gt;, "values": {"pm25": 41.2, "online": true}}</c> into a batch.
/// Rejects what the twin would silently drop, so an HTTP client learns about its mistake.
/// </summary>
internal static class TelemetryRequestParser
{
    public const int MaxValues = 64;

    /// <returns>The batch, or <c>null</c> with <paramref name="error"/> saying what is wrong.</returns>
    public static TelemetryBatch? Parse(JsonElement body, DateTimeOffset now, TimeSpan maxClockSkew, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object: {\"ts\": ..., \"values\": {\"metric\": number}}.";
            return null;
        }

        var timestamp = now;
        if (body.TryGetProperty("ts", out var ts) && ts.ValueKind != JsonValueKind.Null)
        {
            if (!TryParseTimestamp(ts, out timestamp))
            {
                error = "\"ts\" must be Unix milliseconds or an ISO 8601 date-time with an offset.";
                return null;
            }

            if (timestamp < TelemetryPoint.EarliestTimestamp || timestamp > now + maxClockSkew)
            {
                error = $"\"ts\" {timestamp:O} is out of range: it must lie between {TelemetryPoint.EarliestTimestamp:O} and {maxClockSkew.TotalMinutes:0} minutes from now.";
                return null;
            }
        }

        if (!body.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            error = "\"values\" must be an object of metric names to numbers, e.g. {\"pm25\": 41.2}.";
            return null;
        }

        var points = new List<TelemetryPoint>();
        foreach (var property in values.EnumerateObject())
        {
            if (points.Count == MaxValues)
            {
                error = $"At most {MaxValues} values per request.";
                return null;
            }

            if (!MetricNames.IsValid(property.Name))
            {
                error = $"Metric name '{property.Name}' is invalid: 1–{MetricNames.MaxLength} characters, no spaces or control characters.";
                return null;
            }

            double value;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number when property.Value.TryGetDouble(out value) && double.IsFinite(value):
                    break;
                case JsonValueKind.True:
                    value = 1;
                    break;
                case JsonValueKind.False:
                    value = 0;
                    break;
                default:
                    error = $"The value of '{property.Name}' must be a finite number or a boolean.";
                    return null;
            }

            points.Add(new TelemetryPoint(property.Name, value, timestamp));
        }

        if (points.Count == 0)
        {
            error = "\"values\" is empty: send at least one metric.";
            return null;
        }

        return new TelemetryBatch(points);
    }

    private static bool TryParseTimestamp(JsonElement ts, out DateTimeOffset timestamp)
    {
        timestamp = default;
        switch (ts.ValueKind)
        {
            case JsonValueKind.Number when ts.TryGetInt64(out var unixMs):
                if (unixMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
                {
                    return false;
                }

                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                return true;
            case JsonValueKind.String:
                // An offset is required: a local time without one would depend on the silo's time zone.
                return DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp)
                    && HasExplicitOffset(ts.GetString()!);
            default:
                return false;
        }
    }

    private static bool HasExplicitOffset(string text)
    {
        var t = text.AsSpan().IndexOfAny('T', 't');
        if (t < 0)
        {
            return false;
        }

        var timePart = text.AsSpan(t);
        return timePart.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || timePart.IndexOfAny('+', '-') >= 0;
    }
}
