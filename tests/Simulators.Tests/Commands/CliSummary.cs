using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartCity.Twin.Simulators.Tests.Commands;

/// <summary>Reads a count from the summary table `run` prints at the end.</summary>
internal static partial class CliSummary
{
    public static long Count(string output, string label)
    {
        var match = Regex.Matches(output, Regex.Escape(label) + @"[^\d\n]*?([\d,]+)\s*\S?\s*$", RegexOptions.Multiline).LastOrDefault();
        Assert.True(match is not null, $"No '{label}' in the output:\n{output}");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
