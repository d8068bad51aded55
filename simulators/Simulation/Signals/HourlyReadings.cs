using System.Globalization;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// A real hourly series (e.g. PM2.5 of a city's reference monitor) replayed as the base level of a simulated signal.
/// <para>
/// Time alignment: a simulated moment inside the series' span reads the series there (linear between hours). Outside it
/// the series repeats with a period of its span rounded down to whole weeks (whole days if it is shorter than a week),
/// so the replayed hour keeps its time of day, and its weekday when the series is a week or longer. Timestamps without
/// an offset are province local time (UTC+7).
/// </para>
/// </summary>
internal sealed class HourlyReadings
{
    private readonly long[] ticks;
    private readonly double[] values;
    private readonly long periodTicks;

    private HourlyReadings(string source, long[] ticks, double[] values)
    {
        Source = source;
        this.ticks = ticks;
        this.values = values;
        var span = TimeSpan.FromTicks(ticks[^1] - ticks[0]) + TimeSpan.FromHours(1);
        var week = TimeSpan.FromDays(7);
        var day = TimeSpan.FromDays(1);
        periodTicks = span >= week ? span.Ticks / week.Ticks * week.Ticks
            : span >= day ? span.Ticks / day.Ticks * day.Ticks
            : 0;
    }

    /// <summary>Where the readings came from, for messages.</summary>
    public string Source { get; }

    public int Count => values.Length;

    public DateTimeOffset First => new(ticks[0], TimeSpan.Zero);

    public DateTimeOffset Last => new(ticks[^1], TimeSpan.Zero);

    /// <summary>
    /// Reads a CSV of <c>timestamp,value</c> with a header line; timestamps ISO 8601 in increasing order, values
    /// non-negative numbers. An empty value or <c>NA</c> is a missing hour (monitors have gaps) and is skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the file and the line.</exception>
    public static HourlyReadings Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    public static HourlyReadings Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ticks = new List<long>();
        var values = new List<double>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 2)
            {
                throw Bad(source, lineNumber, $"expected 'timestamp,value', got '{line}'");
            }

            var time = ParseTime(fields[0].Trim()) ?? throw Bad(source, lineNumber, $"'{fields[0].Trim()}' is not an ISO 8601 timestamp");
            var text = fields[1].Trim().Trim('"');
            if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Bad(source, lineNumber, $"'{text}' is not a number");
            }

            if (value < 0)
            {
                throw Bad(source, lineNumber, $"{value.ToString(CultureInfo.InvariantCulture)} is negative");
            }

            if (ticks.Count > 0 && time.UtcTicks <= ticks[^1])
            {
                throw Bad(source, lineNumber, $"{time:O} is not after the previous reading");
            }

            ticks.Add(time.UtcTicks);
            values.Add(value);
        }

        return ticks.Count == 0
            ? throw new InvalidDataException($"{source}: no readings (expected a header line, then 'timestamp,value' rows)")
            : new HourlyReadings(source, [.. ticks], [.. values]);
    }

    /// <summary>The reading replayed at simulated time <paramref name="at"/> (see the class remarks for alignment).</summary>
    public double At(DateTimeOffset at)
    {
        var t = at.UtcTicks;
        if (periodTicks > 0 && (t < ticks[0] || t > ticks[^1]))
        {
            var offset = (t - ticks[0]) % periodTicks;
            t = ticks[0] + (offset < 0 ? offset + periodTicks : offset);
        }

        var index = Array.BinarySearch(ticks, t);
        if (index >= 0)
        {
            return values[index];
        }

        var after = ~index;
        if (after == 0)
        {
            return values[0];
        }

        if (after == ticks.Length)
        {
            return values[^1];
        }

        var fraction = (double)(t - ticks[after - 1]) / (ticks[after] - ticks[after - 1]);
        return values[after - 1] + ((values[after] - values[after - 1]) * fraction);
    }

    private static DateTimeOffset? ParseTime(string text)
    {
        text = text.Trim('"');
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return null;
        }

        return time.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(time, TimeSpan.Zero),
            DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            _ => new DateTimeOffset(time, ProvinceTime.Offset),
        };
    }

    private static InvalidDataException Bad(string source, int line, string why) => new($"{source}, line {line}: {why}");
}
