using System.Globalization;
using System.Text.Json;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Gateways.Devices.Payloads;

/// <summary>
/// Parses the telemetry devices send, over MQTT or HTTP: <c>{"ts": &lt;unix ms | ISO 8601, optional&gt;, "values": {"pm2_5": 41.2}}</c>,
/// the flat <c>{"pm2_5": 41.2}</c> (with an optional <c>"ts"</c>), or a JSON array of either for a batch. A message is
/// accepted whole or refused whole, with a reason, so a twin never holds half of a bad message.
/// </summary>
internal static class TelemetryPayload
{
    public const int MaxValues = 256;

    /// <returns>The batch, or <c>null</c> with <paramref name="error"/> saying what is wrong.</returns>
    public static TelemetryBatch? Parse(JsonElement body, DateTimeOffset now, TimeSpan maxClockSkew, out string? error)
    {
        var points = new List<TelemetryPoint>();
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                error = AddEntry(body, now, maxClockSkew, points);
                break;
            case JsonValueKind.Array:
                error = null;
                foreach (var entry in body.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.Object)
                    {
                        error = "Each element of a telemetry array must be an object: {\"ts\": ..., \"values\": {...}} or {\"metric\": number}.";
                        break;
                    }

                    error = AddEntry(entry, now, maxClockSkew, points);
                    if (error is not null)
                    {
                        break;
                    }
                }

                break;
            default:
                error = "Telemetry must be a JSON object ({\"ts\": ..., \"values\": {\"metric\": number}} or {\"metric\": number}) or an array of them.";
                break;
        }

        if (error is not null)
        {
            return null;
        }

        if (points.Count == 0)
        {
            error = "The telemetry has no values: send at least one metric.";
            return null;
        }

        return new TelemetryBatch(points, now);
    }

    private static string? AddEntry(JsonElement entry, DateTimeOffset now, TimeSpan maxClockSkew, List<TelemetryPoint> points)
    {
        var timestamp = now;
        if (entry.TryGetProperty("ts", out var ts) && ts.ValueKind != JsonValueKind.Null)
        {
            if (!TryParseTimestamp(ts, out timestamp))
            {
                return "\"ts\" must be Unix milliseconds or an ISO 8601 date-time with an offset.";
            }

            if (timestamp < TelemetryPoint.EarliestTimestamp || timestamp > now + maxClockSkew)
            {
                return $"\"ts\" {timestamp:O} is out of range: it must lie between {TelemetryPoint.EarliestTimestamp:O} and {maxClockSkew.TotalMinutes:0} minutes from now.";
            }
        }

        var values = entry;
        var isFlat = !entry.TryGetProperty("values", out var wrapped);
        if (!isFlat)
        {
            if (wrapped.ValueKind != JsonValueKind.Object)
            {
                return "\"values\" must be an object of metric names to numbers, e.g. {\"pm2_5\": 41.2}.";
            }

            values = wrapped;
        }

        foreach (var property in values.EnumerateObject())
        {
            if (isFlat && property.NameEquals("ts"))
            {
                continue;
            }

            if (points.Count == MaxValues)
            {
                return $"At most {MaxValues} values per message.";
            }

            if (!MetricNames.IsValid(property.Name))
            {
                return $"Metric name '{property.Name}' is invalid: 1–{MetricNames.MaxLength} characters, no spaces or control characters.";
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
                    return $"The value of '{property.Name}' must be a finite number or a boolean, not {Describe(property.Value.ValueKind)}.";
            }

            if (PhysicalRange.Check(property.Name, value) is { } implausible)
            {
                return implausible;
            }

            points.Add(new TelemetryPoint(property.Name, value, timestamp));
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "a non-finite number",
    };

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
