using System.Globalization;
using System.Text;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// The load run's CSV: one row per latency probe of a run (columns in docs/performance.md, "Load generator"). Runs
/// written to the same file add rows under the one header, so several rates or targets compare in one sheet.
/// </summary>
internal static class LoadCsv
{
    public const string Header =
        "started_utc,target,devices,connected,qos,warmup_s,duration_s,rate_requested,published,published_per_s,"
        + "acknowledged,acknowledged_per_s,refused,failed,acknowledged_total,unacknowledged,twins_took,"
        + "probe,samples,p50_ms,p90_ms,p99_ms,max_ms";

    /// <summary>
    /// Checks before a run that <paramref name="path"/> can take its rows: its folder exists and, if the file exists, it
    /// has this header. Returns why not, or <c>null</c>.
    /// </summary>
    public static string? Check(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"--csv {path} is a folder; give a file name.";
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            return $"--csv {path}: the folder {folder} does not exist.";
        }

        if (File.Exists(full))
        {
            string? first;
            using (var reader = new StreamReader(full))
            {
                first = reader.ReadLine();
            }

            if (first is not null && first != Header)
            {
                return $"--csv {path} exists with other columns (line 1 is not the load header); choose another file.";
            }
        }

        return null;
    }

    public static async Task AppendAsync(string path, LoadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            text.Append(Header).Append('\n');
        }

        foreach (var (probe, latency) in report.Probes())
        {
            text.Append(Row(report, probe, latency)).Append('\n');
        }

        await File.AppendAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static string Row(LoadReport report, string probe, LatencyPercentiles latency)
    {
        var s = report.Settings;
        var c = report.Counts;
        string[] fields =
        [
            report.StartedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            s.Target,
            Number(s.Devices),
            Number(report.Connected),
            Number((int)s.QualityOfService),
            Number(s.Warmup.TotalSeconds),
            Number(Math.Round(report.Window.TotalSeconds, 3)),
            Number(s.Rate),
            Number(c.Published),
            Number(Math.Round(report.PublishedPerSecond, 1)),
            report.IsAcknowledged ? Number(c.Acknowledged) : "",
            report.IsAcknowledged ? Number(Math.Round(report.AcknowledgedPerSecond, 1)) : "",
            Number(c.Refused),
            Number(c.Failed),
            report.IsAcknowledged ? Number(report.Total.Acknowledged) : "",
            Number(report.Unacknowledged),
            report.TwinsTook is { } took ? Number(took) : "",
            probe,
            Number(latency.Samples),
            Milliseconds(latency.P50),
            Milliseconds(latency.P90),
            Milliseconds(latency.P99),
            Milliseconds(latency.Max),
        ];
        return string.Join(',', fields);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => double.IsNaN(value) ? "" : Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
