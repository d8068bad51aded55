using System.Globalization;
using System.Runtime;
using System.Text;
using SmartCity.Twin.Benchmarks.Memory;
using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Reporting;

/// <summary>Collects the measurements of one run and renders them as a markdown table (printed and written) and CSV.</summary>
internal sealed class RuntimeReport(BenchmarkSettings settings)
{
    public const string SinkName = "runtime: one-way ITelemetrySinkGrain.Record";
    public const string TwinName = "runtime: one-way IEnvironmentSensorTwin.ReportTelemetry";
    public const string PerEntityBaselineName = "baseline 1: Channel<T> + reader loop per entity";

    private const double OneWayTarget = 1_000_000;
    private const double RatioTarget = 0.5;
    private const double IdleOverheadTarget = 1024;
    private const double MillionTwinsTargetGiB = 12;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly List<ThroughputResult> oneWay = [];
    private readonly List<(string Metric, string Value, string Target, string Met)> targets = [];
    private ThroughputResult? rpc;
    private IdleMemoryResult? idle;
    private readonly List<TwinMemoryResult> twins = [];
    private readonly List<(string On, string Off)> detectorPairs = [];

    /// <summary>Size of the generated request object of ITelemetrySinkGrain.Record: the floor of a one-way call's allocation.</summary>
    public long RequestObjectBytes { get; set; }

    public void Add(ThroughputResult result) => oneWay.Add(result);

    public void SetRequestResponse(ThroughputResult result) => rpc = result;

    public void SetIdle(IdleMemoryResult result) => idle = result;

    public void Add(TwinMemoryResult result) => twins.Add(result);

    /// <summary>Names a pair of workloads that differ only in whether the twins run their detectors; the report gives their ratio.</summary>
    public void AddDetectorComparison(string onName, string offName) => detectorPairs.Add((onName, offName));

    public string ToMarkdown()
    {
        targets.Clear();
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Runtime benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), {(settings.Quick ? "quick" : "full")} run");
        text.AppendLine();

        if (oneWay.Count > 0)
        {
            text.AppendLine(Invariant, $"One-way: {settings.Grains:N0} entities, {settings.Producers} producer threads, round robin; median (min–max) of {settings.Repeats} run(s).");
            text.AppendLine();
            text.AppendLine("| workload | messages | applied msg/s | min–max | send s | alloc B/msg (send side) | pool items/msg | GCs 0/1/2 (median run) | vs baseline 1 |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            var baseline = Median(PerEntityBaselineName);
            foreach (var group in oneWay.GroupBy(r => r.Name))
            {
                var runs = group.OrderBy(r => r.PerSecond).ToList();
                var median = runs[runs.Count / 2];
                var ratio = baseline is null ? "" : (median.PerSecond / baseline.PerSecond).ToString("P0", Invariant);
                text.AppendLine(Invariant,
                    $"| {group.Key} | {median.Operations:N0} | **{median.PerSecond:N0}** | {runs[0].PerSecond:N0}–{runs[^1].PerSecond:N0} | {median.SendSeconds:0.00} | {median.AllocatedBytesPerOperation:0.0} ({median.SendAllocatedBytesPerOperation:0.0}) | {median.WorkItemsPerOperation:0.000} | {median.Gen0}/{median.Gen1}/{median.Gen2} | {ratio} |");
            }

            text.AppendLine();
            var paired = PairedRatios(SinkName);
            if (paired.Count > 0)
            {
                text.AppendLine(Invariant, $"Runtime / baseline 1 per interleaved run: {string.Join(", ", paired.Select(r => r.ToString("P0", Invariant)))}.");
            }

            foreach (var (on, off) in detectorPairs)
            {
                var detectors = PairedRatios(on, off);
                if (detectors.Count > 0)
                {
                    text.AppendLine(Invariant, $"{on} / off, per interleaved run: {string.Join(", ", detectors.Select(r => r.ToString("P0", Invariant)))}.");
                    var median = detectors.Order().ElementAt(detectors.Count / 2);
                    AddTarget($"{on} / off (median)", median.ToString("P0", Invariant), "(reported)", null);
                }
            }

            text.AppendLine(Invariant, $"The generated request object of one Record call is {RequestObjectBytes} B.");
            text.AppendLine();
            var sink = Median(SinkName);
            if (sink is not null)
            {
                AddTarget("(a) one-way msg/s into 100k grains", sink.PerSecond.ToString("N0", Invariant), "≥ 1,000,000", sink.PerSecond >= OneWayTarget);
                if (baseline is not null)
                {
                    var ratio = sink.PerSecond / baseline.PerSecond;
                    AddTarget("(d) runtime / channel-per-entity baseline", ratio.ToString("P0", Invariant), "≥ 50 %", ratio >= RatioTarget);
                }
            }
        }

        if (rpc is not null)
        {
            text.AppendLine(Invariant, $"Request/response: {settings.RpcGrains:N0} grains, {settings.RpcCallers} concurrent callers, {rpc.Seconds:0.0} s.");
            text.AppendLine();
            text.AppendLine("| workload | calls | calls/s | alloc B/call | pool items/call | GCs 0/1/2 |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|");
            text.AppendLine(Invariant, $"| {rpc.Name} | {rpc.Operations:N0} | **{rpc.PerSecond:N0}** | {rpc.AllocatedBytesPerOperation:0.0} | {rpc.WorkItemsPerOperation:0.00} | {rpc.Gen0}/{rpc.Gen1}/{rpc.Gen2} |");
            text.AppendLine();
            AddTarget("(b) request/response calls/s", rpc.PerSecond.ToString("N0", Invariant), "(no target)", null);
        }

        if (idle is not null)
        {
            text.AppendLine(Invariant, $"Idle activations: {idle.Activations:N0} stateless grains, live heap after full GCs.");
            text.AppendLine();
            text.AppendLine("| per idle activation | bytes |");
            text.AppendLine("|---|---:|");
            text.AppendLine(Invariant, $"| gross (grain + activation + directory entry) | {idle.GrossBytes:N0} |");
            text.AppendLine(Invariant, $"| grain object | {idle.GrainObjectBytes:N0} |");
            text.AppendLine(Invariant, $"| **runtime overhead** | **{idle.RuntimeOverheadBytes:N0}** |");
            text.AppendLine(Invariant, $"| cached grain reference (caller side, not included above) | {idle.ReferenceBytes:N0} |");
            text.AppendLine(Invariant, $"| allocated while activating (garbage included) | {idle.AllocatedBytes:N0} |");
            text.AppendLine();
            AddTarget("(c) runtime overhead per idle activation", idle.RuntimeOverheadBytes.ToString("N0", Invariant) + " B", "≤ 1 KB", idle.RuntimeOverheadBytes <= IdleOverheadTarget);
        }

        if (twins.Count > 0)
        {
            text.AppendLine("Device twins: provisioned environment sensors, every metric's history window full, live heap after full GCs.");
            text.AppendLine();
            text.AppendLine("| storage | twins | metrics × window | bytes/twin | 1,000,000 twins |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var twin in twins)
            {
                text.AppendLine(Invariant, $"| {twin.Storage} | {twin.Twins:N0} | {twin.Metrics} × {twin.SamplesPerMetric} | {twin.BytesPerTwin:N0} | **{twin.MillionTwinsGiB:0.00} GiB** |");
                AddTarget($"(c) 1M full twins, storage: {twin.Storage}", twin.MillionTwinsGiB.ToString("0.00", Invariant) + " GiB", "≤ 12 GB", twin.MillionTwinsGiB <= MillionTwinsTargetGiB);
            }

            text.AppendLine();
        }

        text.AppendLine("| target | measured | goal | met |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var (metric, value, target, met) in targets)
        {
            text.AppendLine(Invariant, $"| {metric} | {value} | {target} | {met} |");
        }

        return text.ToString();
    }

    public string ToCsv()
    {
        var text = new StringBuilder("kind,name,operations,seconds,per_second,send_seconds,alloc_bytes_per_op,send_alloc_bytes_per_op,gen0,gen1,gen2\n");
        foreach (var r in oneWay.Append(rpc).OfType<ThroughputResult>())
        {
            text.AppendLine(Invariant, $"throughput,\"{r.Name}\",{r.Operations},{r.Seconds:0.000},{r.PerSecond:0},{r.SendSeconds:0.000},{r.AllocatedBytesPerOperation:0.0},{r.SendAllocatedBytesPerOperation:0.0},{r.Gen0},{r.Gen1},{r.Gen2}");
        }

        if (idle is not null)
        {
            text.AppendLine(Invariant, $"memory,idle activation gross bytes,{idle.Activations},,{idle.GrossBytes:0},,,,,,");
            text.AppendLine(Invariant, $"memory,idle activation runtime overhead bytes,{idle.Activations},,{idle.RuntimeOverheadBytes:0},,,,,,");
        }

        foreach (var twin in twins)
        {
            text.AppendLine(Invariant, $"memory,\"twin bytes ({twin.Storage})\",{twin.Twins},,{twin.BytesPerTwin:0},,,,,,");
        }

        return text.ToString();
    }

    /// <summary>Run i of <paramref name="name"/> over run i of baseline 1: they ran back to back, so they saw the same machine.</summary>
    private List<double> PairedRatios(string name, string baselineName = PerEntityBaselineName)
    {
        var runs = oneWay.Where(r => r.Name == name).ToList();
        var baselines = oneWay.Where(r => r.Name == baselineName).ToList();
        return runs.Zip(baselines, (run, baseline) => run.PerSecond / baseline.PerSecond).ToList();
    }

    private ThroughputResult? Median(string name)
    {
        var runs = oneWay.Where(r => r.Name == name).OrderBy(r => r.PerSecond).ToList();
        return runs.Count == 0 ? null : runs[runs.Count / 2];
    }

    private void AddTarget(string metric, string value, string target, bool? met)
        => targets.Add((metric, value, target, met switch { true => "yes", false => "**no**", null => "–" }));
}
