using System.Globalization;
using System.Text;
using SmartCity.Twin.Simulation.Labelled;
using Xunit.Abstractions;

namespace SmartCity.Twin.Detectors.Tests.Evaluation;

public sealed class DetectorComparisonTests(ITestOutputHelper output)
{
    /// <summary>Each detector at its defaults and at the confidence that suits event-level alerting, as in docs/detection.md.</summary>
    private static readonly (string Name, Func<IStreamingDetector> Create)[] Candidates =
    [
        ("IID spike 95 (defaults)", () => new IidSpikeDetector(new IidSpikeOptions())),
        ("IID spike 99.9", () => new IidSpikeDetector(new IidSpikeOptions { Confidence = 99.9 })),
        ("IID change point, power (defaults)", () => new IidChangePointDetector(new IidChangePointOptions())),
        ("IID change point, mixture", () => new IidChangePointDetector(new IidChangePointOptions { Martingale = MartingaleType.Mixture })),
        ("SSA spike 95 (defaults)", () => new SsaSpikeDetector(new SsaSpikeOptions())),
        ("SSA spike 99.9", () => new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.9 })),
        ("SSA spike 99.99", () => new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.99 })),
        ("SSA spike 99.9 H200", () => new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.9, PValueHistoryLength = 200 })),
        ("SSA spike 99.99 H200", () => new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.99, PValueHistoryLength = 200 })),
        ("SSA spike 99.9 L12", () => new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.9, SeasonalityWindowSize = 12 })),
        ("Spectral residual (defaults)", () => new SpectralResidualDetector(new SpectralResidualOptions())),
        ("Robust spike 99.9 (defaults)", () => new RobustSpikeDetector(new RobustSpikeOptions())),
        ("Stuck (defaults)", () => new StuckDetector(new StuckOptions())),
        ("Robust + stuck", () => new EnsembleDetector(new RobustSpikeDetector(new RobustSpikeOptions()), new StuckDetector(new StuckOptions()))),
    ];

    [Fact]
    public void The_default_detector_has_the_best_f1_of_every_candidate_on_the_synthetic_set()
    {
        var series = SyntheticSet.Series().ToList();
        var table = new StringBuilder("| detector | precision | recall | F1 | spike | dip | level shift | drift | stuck | mean latency (points) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        var best = 0.0;
        foreach (var (name, create) in Candidates)
        {
            var outcome = SyntheticSet.Evaluate(create, series);
            best = Math.Max(best, outcome.F1);
            Row(table, name, outcome);
        }

        var chosen = SyntheticSet.Evaluate(DefaultDetector.Create, series);
        Row(table, "**Default: SSA 99.99 + stuck**", chosen);
        output.WriteLine(table.ToString());

        Assert.True(chosen.F1 >= best, $"the default's F1 {chosen.F1:F3} is below another candidate's {best:F3}");
    }

    private static void Row(StringBuilder table, string name, DetectionOutcome o)
    {
        string Kind(InjectedAnomalyKind k) => o.ByKind.TryGetValue(k, out var c) ? $"{c.Found}/{c.Anomalies}" : "-";
        table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {o.Precision:F2} | {o.Recall:F2} | {o.F1:F2} | {Kind(InjectedAnomalyKind.Spike)} | {Kind(InjectedAnomalyKind.Dip)} | {Kind(InjectedAnomalyKind.LevelShift)} | {Kind(InjectedAnomalyKind.Drift)} | {Kind(InjectedAnomalyKind.Stuck)} | {o.MeanLatencyPoints:F1} |");
    }
}
