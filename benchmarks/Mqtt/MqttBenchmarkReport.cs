using System.Globalization;
using System.Text;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The benchmark's results as a markdown table (for docs/performance.md) and a CSV.</summary>
internal sealed class MqttBenchmarkReport(MqttBenchmarkSettings settings)
{
    public List<ThroughputMeasurement> Throughput { get; } = [];

    public List<IdleMeasurement> Idle { get; } = [];

    public List<string> Notes { get; } = [];

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"MQTT load benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {settings.Connections:N0} publishers (protocol level {settings.ProtocolLevel}), QoS 1 window {settings.Window}, {settings.Duration.TotalSeconds:0} s measured after {settings.Warmup.TotalSeconds:0} s warm-up{(settings.Quick ? ", --quick" : "")}"));
        s.AppendLine();
        s.AppendLine("| phase | msg/s | counted | published | acknowledged | publisher errors |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var t in Throughput)
        {
            s.AppendLine(Inv($"| {t.Name} | {t.MessagesPerSecond:N0} | {t.Counted:N0} | {t.Published:N0} | {t.Acknowledged:N0} | {t.PublisherFailures:N0} |"));
        }

        AppendRatio(s, "endpoint QoS 0 applied / mosquitto QoS 0 delivered", "endpoint QoS 0", "mosquitto QoS 0");
        AppendRatio(s, "endpoint QoS 0 routed to # / mosquitto QoS 0 delivered", "endpoint QoS 0 routed", "mosquitto QoS 0");
        AppendRatio(s, "endpoint QoS 1 applied / mosquitto QoS 1 delivered", "endpoint QoS 1", "mosquitto QoS 1");

        if (Idle.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("| idle connections | count | resident before → after | resident / connection | GC heap before → after | GC heap / connection |");
            s.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var i in Idle)
            {
                var heap = i.HeapBefore is { } hb && i.HeapAfter is { } ha ? Inv($"{Mib(hb)} → {Mib(ha)}") : "–";
                var heapPer = i.HeapPerConnection is { } hp ? Inv($"{hp:N0} B") : "–";
                s.AppendLine(Inv($"| {i.Name} | {i.Connections:N0} | {Mib(i.ResidentBefore)} → {Mib(i.ResidentAfter)} | {i.ResidentPerConnection:N0} B | {heap} | {heapPer} |"));
            }
        }

        foreach (var note in Notes)
        {
            s.AppendLine();
            s.AppendLine(note);
        }

        return s.ToString();
    }

    public string ToCsv()
    {
        var s = new StringBuilder("phase,msg_per_s,counted,published,acknowledged,errors\n");
        foreach (var t in Throughput)
        {
            s.AppendLine(Inv($"{t.Name},{t.MessagesPerSecond:F0},{t.Counted},{t.Published},{t.Acknowledged},{t.PublisherFailures}"));
        }

        foreach (var i in Idle)
        {
            s.AppendLine(Inv($"{i.Name} idle,{i.Connections},{i.ResidentBefore},{i.ResidentAfter},{i.HeapBefore},{i.HeapAfter}"));
        }

        return s.ToString();
    }

    private void AppendRatio(StringBuilder s, string label, string numerator, string denominator)
    {
        var n = Throughput.Find(t => t.Name == numerator);
        var d = Throughput.Find(t => t.Name == denominator);
        if (n is not null && d is not null && d.MessagesPerSecond > 0)
        {
            s.AppendLine(Inv($"| **{label}** | **{n.MessagesPerSecond / d.MessagesPerSecond:0.00}×** | | | | |"));
        }
    }

    private static string Mib(long bytes) => Inv($"{bytes / (1024.0 * 1024.0):N1} MiB");

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
