using System.Buffers;
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

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    /// <returns>The batch, or <c>null</c> with <paramref name="error"/> saying what is wrong.</returns>
    /// <remarks>Reads the UTF-8 JSON once, forward only, without building a document: this runs for every message of every device.</remarks>
    public static TelemetryBatch? Parse(ReadOnlySequence<byte> utf8Json, DateTimeOffset now, TimeSpan maxClockSkew, out string? error)
    {
        var points = new List<TelemetryPoint>(4);
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            error = ReadBody(ref reader, now, maxClockSkew, points);
        }
        catch (JsonException e)
        {
            error = $"The payload is not valid JSON: {e.Message}";
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

    private static string? ReadBody(ref Utf8JsonReader reader, DateTimeOffset now, TimeSpan maxClockSkew, List<TelemetryPoint> points)
    {
        if (!reader.Read())
        {
            return "The payload is empty.";
        }

        string? error;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                error = ReadEntry(ref reader, now, maxClockSkew, points);
                break;
            case JsonTokenType.StartArray:
                error = null;
                while (error is null && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    error = reader.TokenType == JsonTokenType.StartObject
                        ? ReadEntry(ref reader, now, maxClockSkew, points)
                        : "Each element of a telemetry array must be an object: {\"ts\": ..., \"values\": {...}} or {\"metric\": number}.";
                }

                break;
            default:
                return "Telemetry must be a JSON object ({\"ts\": ..., \"values\": {\"metric\": number}} or {\"metric\": number}) or an array of them.";
        }

        if (error is null && reader.Read())
        {
            return "The payload has content after its JSON value.";
        }

        return error;
    }

    /// <summary>Reads one object (the reader is on its StartObject) and leaves the reader on its EndObject.</summary>
    private static string? ReadEntry(ref Utf8JsonReader reader, DateTimeOffset now, TimeSpan maxClockSkew, List<TelemetryPoint> points)
    {
        // "ts" may follow the values, and "values" makes the flat properties beside it irrelevant: stamp and keep at the end.
        var first = points.Count;
        var timestamp = now;
        var isWrapped = false;
        string? flatError = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (!TryReadTimestamp(ref reader, out timestamp))
                {
                    return "\"ts\" must be Unix milliseconds or an ISO 8601 date-time with an offset.";
                }

                if (timestamp < TelemetryPoint.EarliestTimestamp || timestamp > now + maxClockSkew)
                {
                    return $"\"ts\" {timestamp:O} is out of range: it must lie between {TelemetryPoint.EarliestTimestamp:O} and {maxClockSkew.TotalMinutes:0} minutes from now.";
                }

                continue;
            }

            if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return "\"values\" must be an object of metric names to numbers, e.g. {\"pm2_5\": 41.2}.";
                }

                points.RemoveRange(first, points.Count - first);
                isWrapped = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (ReadValue(ref reader, points) is { } valueError)
                    {
                        return valueError;
                    }
                }

                continue;
            }

            if (isWrapped)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            // Until "values" shows up, a property may be a flat metric or something the wrapped form ignores.
            flatError ??= ReadValue(ref reader, points);
        }

        if (!isWrapped && flatError is not null)
        {
            return flatError;
        }

        for (var i = first; i < points.Count; i++)
        {
            points[i] = points[i] with { Timestamp = timestamp };
        }

        return null;
    }

    /// <summary>Reads one metric (the reader is on its property name) into <paramref name="points"/>, stamped later.</summary>
    private static string? ReadValue(ref Utf8JsonReader reader, List<TelemetryPoint> points)
    {
        var name = reader.GetString()!;
        reader.Read();
        if (points.Count == MaxValues)
        {
            reader.Skip();
            return $"At most {MaxValues} values per message.";
        }

        if (!MetricNames.IsValid(name))
        {
            reader.Skip();
            return $"Metric name '{name}' is invalid: 1–{MetricNames.MaxLength} characters, no spaces or control characters.";
        }

        double value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out value) && double.IsFinite(value):
                break;
            case JsonTokenType.True:
                value = 1;
                break;
            case JsonTokenType.False:
                value = 0;
                break;
            default:
                var kind = Describe(reader.TokenType);
                reader.Skip();
                return $"The value of '{name}' must be a finite number or a boolean, not {kind}.";
        }

        if (PhysicalRange.Check(name, value) is { } implausible)
        {
            return implausible;
        }

        points.Add(new TelemetryPoint(name, value, default));
        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => "a non-finite number",
    };

    private static bool TryReadTimestamp(ref Utf8JsonReader ts, out DateTimeOffset timestamp)
    {
        timestamp = default;
        switch (ts.TokenType)
        {
            case JsonTokenType.Number when ts.TryGetInt64(out var unixMs):
                if (unixMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
                {
                    return false;
                }

                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                return true;
            case JsonTokenType.String:
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
