using System.Globalization;
using System.Text;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Writes an evaluation's results into a Markdown file between two marker comments, leaving the prose around them as it
/// is; a file without the markers gets them appended (a new file is made with a title).
/// </summary>
internal static class DetectionMarkdown
{
    public const string Begin = "<!-- evaluate:begin — written by `dotnet run --project simulators -- evaluate --markdown …`; edit outside the markers -->";

    public const string End = "<!-- evaluate:end -->";

    public static void Write(string path, EvaluationReport report, string commandLine)
    {
        ArgumentNullException.ThrowIfNull(report);
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Detection quality\n\n";
        var block = Render(report, commandLine);
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        string text;
        if (begin >= 0 && end > begin)
        {
            text = string.Concat(existing.AsSpan(0, begin), block, existing.AsSpan(end + End.Length));
        }
        else
        {
            text = existing.TrimEnd() + "\n\n" + block + "\n";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    public static string Render(EvaluationReport report, string commandLine)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = report.Settings;
        var md = new StringBuilder();
        md.Append(Begin).Append('\n');
        md.Append(CultureInfo.InvariantCulture, $"Measured {report.RanAt:yyyy-MM-dd HH:mm} UTC by `{commandLine}` in {report.Wall.TotalSeconds:0} s (wall clock, this machine): ");
        md.Append(CultureInfo.InvariantCulture, $"province `{report.Province}` ({report.Devices} devices), seed {settings.Seed}, warm-up {settings.WarmUp.TotalMinutes:0} min, ");
        md.Append(CultureInfo.InvariantCulture, $"warning tolerance ±{settings.Tolerance.TotalMinutes:0} min, series tolerance {settings.SeriesTolerance} points, ");
        md.Append(CultureInfo.InvariantCulture, $"drills at their latest start before {settings.DrillsBefore:yyyy-MM-dd HH:mm} UTC, quiet run from {settings.QuietStart:yyyy-MM-dd HH:mm} UTC.\n\n");
        md.Append("**").Append(report.FireVerdict).Append("**\n");
        foreach (var table in report.Tables())
        {
            md.Append("\n#### ").Append(table.Title).Append("\n\n");
            md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).Append(" |\n");
            md.Append('|').AppendJoin('|', table.Headers.Select(_ => " --- ")).Append("|\n");
            foreach (var row in table.Rows)
            {
                md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
            }
        }

        md.Append('\n').Append(End);
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
