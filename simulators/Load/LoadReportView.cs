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
            $"load against the {s.Target}: {report.Connected:N0} of {s.Devices:N0} devices connected, QoS {(int)s.QualityOfService}, {report.Window.TotalSeconds:0.0} s measured after {s.Warmup.TotalSeconds:0} s warm-up (msg/s over the measured window)"));

        // Measure and value in two columns: it fits an 80-column terminal or CI log whatever the numbers.
        var throughput = new Table().Title("Throughput").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        throughput.AddRow("requested msg/s", Format(s.Rate));
        throughput.AddRow("published msg/s", Format(report.PublishedPerSecond));
        throughput.AddRow("acknowledged msg/s", report.IsAcknowledged ? Format(report.AcknowledgedPerSecond) : "n/a (QoS 0)");
        throughput.AddRow("published (run)", Format(report.Total.Published));
        throughput.AddRow("acknowledged (run)", report.IsAcknowledged ? Format(report.Total.Acknowledged) : "n/a (QoS 0)");
        throughput.AddRow("refused (run)", Format(report.Total.Refused));
        throughput.AddRow("failed (run)", Format(report.Total.Failed));
        throughput.AddRow("unacknowledged after the drain", Format(report.Unacknowledged));
        throughput.AddRow("twins took (run)", report.TwinsTook is { } took ? Format(took) : "n/a");
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
        "puback" => "PUBACK",
        "hub" => "SignalR hub",
        "api" => "API polling",
        _ => "none (broker)",
    };

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
