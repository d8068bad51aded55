using System.Globalization;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>The report on the console: throughput, then latency per probe. Without a terminal Spectre writes the same tables as plain text.</summary>
internal static class LoadReportView
{
    public static void Write(IAnsiConsole console, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"load against the {s.Target}: {report.Connected:N0} of {s.Devices:N0} devices connected, QoS {(int)s.QualityOfService}, {report.Window.TotalSeconds:0.0} s measured after {s.Warmup.TotalSeconds:0} s warm-up"));

        var throughput = new Table().Title("Throughput (measuring window)");
        foreach (var column in new[] { "requested msg/s", "published msg/s", "acknowledged msg/s", "refused", "failed", "unacknowledged", "twins took / acknowledged (run)" })
        {
            throughput.AddColumn(new TableColumn(column).RightAligned());
        }

        throughput.AddRow(
            Format(s.Rate),
            Format(report.PublishedPerSecond),
            report.IsAcknowledged ? Format(report.AcknowledgedPerSecond) : "n/a (QoS 0)",
            Format(report.Counts.Refused),
            Format(report.Counts.Failed),
            Format(report.Unacknowledged),
            report.TwinsTook is { } took
                ? $"{Format(took)} / {(report.IsAcknowledged ? Format(report.Total.Acknowledged) : "n/a")}"
                : "n/a");
        console.Write(throughput);

        var latency = new Table().Title("End-to-end latency, publish → visible (ms)");
        foreach (var column in new[] { "probe", "samples", "p50", "p90", "p99", "max" })
        {
            latency.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (probe, l) in report.Probes())
        {
            latency.AddRow(Probe(probe), Format(l.Samples), Milliseconds(l.P50), Milliseconds(l.P90), Milliseconds(l.P99), Milliseconds(l.Max));
        }

        console.Write(latency);
        if (report.Hub is not null)
        {
            console.WriteLine("The hub coalesces a subscription's changes (Live:MaxPushesPerSecond, 4 by default): its latencies include up to one push interval.");
        }

        foreach (var refusal in report.Refusals)
        {
            console.WriteLine($"refused: {refusal}");
        }

        foreach (var problem in report.Problems)
        {
            console.WriteLine($"note: {problem}");
        }
    }

    private static string Probe(string probe) => probe switch
    {
        "hub" => "SignalR hub",
        "api" => "API polling",
        _ => "none (broker)",
    };

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
