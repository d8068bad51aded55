using System.Globalization;
using System.Xml;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>
/// How durations are written on the command line: <c>90</c> (seconds), <c>10m</c>, <c>1h30m</c>, <c>2d</c>, <c>45s</c>,
/// or ISO 8601 (<c>PT10M</c>, <c>P1D</c>).
/// </summary>
internal static class DurationSyntax
{
    public const string Examples = "e.g. 600, 10m, 1h30m, 2d or PT10M";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds, out duration);
        }

        if (text.StartsWith('P') || text.StartsWith('p'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text.ToUpperInvariant());
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

        var total = 0.0;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (position == start || !double.TryParse(text.AsSpan(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            double? unit = text[unitStart..position].ToLowerInvariant() switch
            {
                "d" => 86_400,
                "h" => 3_600,
                "m" or "min" => 60,
                "s" => 1,
                "ms" => 0.001,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            total += number * unit.Value;
        }

        return FromSeconds(total, out duration);
    }

    private static bool FromSeconds(double seconds, out TimeSpan duration)
    {
        duration = default;
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
