using System.Globalization;

namespace SmartCity.Twin.Api.History;

/// <summary>Times and durations as the history and KPI endpoints accept them in a query string.</summary>
internal static class QueryTime
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>
    /// An ISO 8601 date-time; without an offset it is UTC. A '+' of an offset that arrived unencoded (read as a space)
    /// is taken back, since that is what a hand-typed URL means.
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out instant))
        {
            return true;
        }

        var trimmed = text.Trim();
        return trimmed.Contains(' ', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed.Replace(' ', '+'), CultureInfo.InvariantCulture, Styles, out instant);
    }

    /// <summary>An ISO 8601 duration (<c>PT5M</c>, <c>P1D</c>) or a count and unit: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        if (trimmed.Length < 2)
        {
            return false;
        }

        if (trimmed[0] is 'P' or 'p')
        {
            try
            {
                duration = System.Xml.XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
                return duration > TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        var unit = trimmed[^1] switch
        {
            's' or 'S' => TimeSpan.FromSeconds(1),
            'm' or 'M' => TimeSpan.FromMinutes(1),
            'h' or 'H' => TimeSpan.FromHours(1),
            'd' or 'D' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero
            || !int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count <= 0 || count > 100_000)
        {
            return false;
        }

        duration = unit * count;
        return true;
    }

    /// <summary>An ISO 8601 duration, e.g. <c>PT5M</c>.</summary>
    public static string Format(TimeSpan duration) => System.Xml.XmlConvert.ToString(duration);
}
