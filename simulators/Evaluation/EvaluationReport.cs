using System.Globalization;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>Everything one <c>evaluate</c> run measured, and its tables.</summary>
internal sealed record EvaluationReport(
    string Province,
    int Devices,
    EvaluationSettings Settings,
    int SeriesCount,
    IReadOnlyList<DetectorScore> Detectors,
    IReadOnlyList<DrillScore> Drills,
    QuietRunScore? Quiet,
    DateTimeOffset RanAt,
    TimeSpan Wall)
{
    private const int FalseAlertExamples = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The warning types of every drill added up.</summary>
    public IReadOnlyDictionary<string, EventCounts> DrillTotals
    {
        get
        {
            var totals = new SortedDictionary<string, EventCounts>(StringComparer.Ordinal);
            foreach (var drill in Drills)
            {
                foreach (var (type, counts) in drill.ByType)
                {
                    totals[type] = totals.TryGetValue(type, out var sum) ? sum.Add(counts) : counts;
                }
            }

            return totals;
        }
    }

    /// <summary>The issue's bar: every drilled fire found, at most one false fire alert per 1,000 sensor-days.</summary>
    public string FireVerdict
    {
        get
        {
            var fire = DrillTotals.GetValueOrDefault(WarningTypes.Fire) ?? EventCounts.None;
            var recall = fire.Recall is { } r ? Percent(r) : "n/a (no fire drilled)";
            var falseRate = Quiet is null ? "n/a (no quiet run)" : Number(Quiet.FalsePer1000SensorDays(WarningTypes.Fire), "0.##");
            var met = fire.Recall == 1 && Quiet is not null && Quiet.FalsePer1000SensorDays(WarningTypes.Fire) <= 1;
            return $"Fire: recall {recall} on the drills, {falseRate} false fire alerts per 1,000 sensor-days — target (100 %, ≤ 1) {(met ? "met" : "not met")}.";
        }
    }

    public IReadOnlyList<ReportTable> Tables()
    {
        var tables = new List<ReportTable>();
        if (Detectors.Count > 0)
        {
            tables.Add(new ReportTable(
                "Detectors evaluated",
                ["detector", "settings", "points scored", "time (s)"],
                Detectors.Select(d => (IReadOnlyList<string>)[d.Detector.Name, d.Detector.Settings, Count(d.Points), Number(d.Wall.TotalSeconds, "0.0")]).ToList()));
            tables.Add(DetectorTable());
        }

        if (Drills.Count > 0)
        {
            tables.Add(DrillTypeTable());
            tables.Add(DrillTable());
        }

        if (Quiet is not null)
        {
            tables.Add(QuietTable(Quiet));
        }

        var falseAlerts = Drills.SelectMany(d => d.FalseAlerts.Select(a => (Run: d.Scenario, Alert: a)))
            .Concat((Quiet?.FalseAlerts ?? []).Select(a => (Run: "quiet run", Alert: a)))
            .ToList();
        if (falseAlerts.Count > 0)
        {
            tables.Add(FalseAlertTable(falseAlerts));
        }

        return tables;
    }

    private ReportTable DetectorTable()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var detector in Detectors)
        {
            foreach (var (kind, counts) in detector.ByKind)
            {
                rows.Add(SeriesRow(detector.Detector.Name, KindName(kind), counts));
            }

            rows.Add(SeriesRow(detector.Detector.Name, "all", detector.Total));
        }

        return new ReportTable(
            $"Detectors on {SeriesCount} labelled series ({DetectorEvaluation.Points:N0} points each, one anomaly kind per series)",
            ["detector", "anomaly", "found", "missed", "false alarms", "precision", "recall", "F1", "latency (points, mean / max)"],
            rows);
    }

    private static IReadOnlyList<string> SeriesRow(string detector, string kind, EventCounts counts) =>
    [
        detector, kind, Count(counts.TruePositives), Count(counts.FalseNegatives), Count(counts.FalsePositives),
        Ratio(counts.Precision), Ratio(counts.Recall), Ratio(counts.F1),
        counts.MeanLatency is { } mean ? $"{Number(mean, "0.#")} / {Number(counts.LatencyMax, "0")}" : "–",
    ];

    private ReportTable DrillTypeTable()
    {
        var rows = DrillTotals.Select(pair => (IReadOnlyList<string>)
        [
            pair.Key, Count(pair.Value.TruePositives), Count(pair.Value.FalseNegatives), Count(pair.Value.FalsePositives),
            Ratio(pair.Value.Precision), Ratio(pair.Value.Recall), Ratio(pair.Value.F1), Seconds(pair.Value),
        ]).ToList();
        return new ReportTable(
            $"Warnings on the {Drills.Count} drills, by type",
            ["warning", "found", "missed", "false", "precision", "recall", "F1", "latency (s, mean / max)"],
            rows);
    }

    private ReportTable DrillTable()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var drill in Drills)
        {
            foreach (var (type, counts) in drill.ByType)
            {
                rows.Add([drill.Scenario, type, Count(counts.TruePositives), Count(counts.FalseNegatives), Count(counts.FalsePositives), Seconds(counts)]);
            }

            if (drill.ByType.Count == 0)
            {
                rows.Add([drill.Scenario, "–", "0", "0", "0", "–"]);
            }
        }

        return new ReportTable("Each drill", ["drill", "warning", "found", "missed", "false", "latency (s, mean / max)"], rows);
    }

    private static ReportTable QuietTable(QuietRunScore quiet)
    {
        var rows = quiet.ByType.Select(pair => (IReadOnlyList<string>)
        [
            pair.Key, Count(pair.Value.FalsePositives), Number(quiet.FalsePer1000SensorDays(pair.Key), "0.##"),
            pair.Value.TruePositives + pair.Value.FalseNegatives == 0 ? "–" : $"{pair.Value.TruePositives} of {pair.Value.TruePositives + pair.Value.FalseNegatives}",
        ]).ToList();
        if (rows.Count == 0)
        {
            rows.Add(["(none)", "0", "0", "–"]);
        }

        return new ReportTable(
            string.Create(Invariant, $"Quiet run: {quiet.Devices} devices × {quiet.Days} days = {quiet.SensorDays:N0} sensor-days, no drill ({quiet.Messages:N0} messages replayed in {quiet.Wall.TotalSeconds:0} s)"),
            ["warning", "false alerts", "per 1,000 sensor-days", "simulated faults found"],
            rows);
    }

    /// <summary>The first few false alerts of each run and type, with the twin's own words: where a rule's author starts.</summary>
    private static ReportTable FalseAlertTable(List<(string Run, RaisedWarning Alert)> falseAlerts)
    {
        var rows = falseAlerts
            .GroupBy(f => (f.Run, f.Alert.Type))
            .SelectMany(group => group.Take(FalseAlertExamples).Select((f, i) => (IReadOnlyList<string>)
            [
                f.Run, f.Alert.Type, f.Alert.TwinId, f.Alert.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant),
                (f.Alert.Message ?? string.Empty) + (i == FalseAlertExamples - 1 && group.Count() > FalseAlertExamples ? $" (and {group.Count() - FalseAlertExamples} more)" : string.Empty),
            ]))
            .ToList();
        return new ReportTable($"False alerts (at most {FalseAlertExamples} of each run and type)", ["run", "warning", "twin", "raised at (UTC)", "message"], rows);
    }

    private static string KindName(InjectedAnomalyKind kind) => kind switch
    {
        InjectedAnomalyKind.LevelShift => "level shift",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Count(long n) => n.ToString("N0", Invariant);

    private static string Ratio(double? value) => value is { } v ? Number(v, "0.000") : "–";

    private static string Percent(double value) => Number(value * 100, "0.#") + " %";

    private static string Number(double value, string format) => value.ToString(format, Invariant);

    private static string Seconds(EventCounts counts) =>
        counts.MeanLatency is { } mean ? $"{Number(mean, "0")} / {Number(counts.LatencyMax, "0")}" : "–";
}
