using System.Globalization;
using System.Text;
using SmartCity.Twin.Simulators.Load;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>What the live benchmark measured: device-publish → hub-client-receive latency and the rates achieved.</summary>
internal sealed record LiveBenchmarkReport(
    LiveBenchmarkSettings Settings,
    int Districts,
    double PublishedPerSecond,
    long PublishFailures,
    double DeltaMessagesPerSecond,
    double TwinUpdatesPerSecond,
    double MegabytesPerSecond,
    double SiloCpuCores,
    double LoadCpuCores,
    LatencyPercentiles Latencies)
{
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var pushes = Settings.MaxPushesPerSecond?.ToString(c) ?? "4 (default)";
        var text = new StringBuilder();
        text.AppendLine(c, $"## Live hub: device publish → SignalR client receive{(Settings.Quick ? " (quick)" : "")}");
        text.AppendLine();
        text.AppendLine(c, $"{Settings.Devices:N0} environment sensors over MQTT (QoS 0, one connection each) in {Districts} districts, target {Settings.Rate:N0} msg/s; ");
        text.AppendLine(c, $"{Settings.Clients} SignalR clients (JSON protocol over WebSocket), each subscribed to one district; Live:MaxPushesPerSecond = {pushes}; ");
        text.AppendLine(c, $"measured {Settings.Duration.TotalSeconds:0} s after {Settings.Warmup.TotalSeconds:0} s warm-up, silo in its own process, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| published msg/s | deltas msg/s (all clients) | twin updates/s delivered | MB/s to clients | silo CPU (cores) | devices + clients CPU (cores) | samples | p50 ms | p90 ms | p99 ms | max ms |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(c, $"| {PublishedPerSecond:N0} | {DeltaMessagesPerSecond:N0} | {TwinUpdatesPerSecond:N0} | {MegabytesPerSecond:0.0} | {SiloCpuCores:0.00} | {LoadCpuCores:0.00} | {Latencies.Samples:N0} | {Latencies.P50:0.0} | {Latencies.P90:0.0} | {Latencies.P99:0.0} | {Latencies.Max:0.0} |");
        text.AppendLine();
        text.AppendLine("Latency: for every twin in every `deltas` a client receives, now minus the publish time the device stamped into the value shown. "
            + "Coalescing (latest value wins) means a client sees one value per twin per push, so older values superseded in between are not samples.");
        if (PublishFailures > 0)
        {
            text.AppendLine(c, $"{PublishFailures:N0} publishes failed.");
        }

        return text.ToString();
    }
}
