using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>A detector under evaluation: how the tables name it, its settings, and a fresh one per series.</summary>
internal sealed record SeriesDetector(string Name, string Settings, Func<IStreamingDetector> Create)
{
    /// <summary>The library's detectors at their own defaults (ML.NET's, where they imitate ML.NET), and the default one <c>detect</c> runs.</summary>
    public static IReadOnlyList<SeriesDetector> All { get; } =
    [
        new("IID spike", "confidence 95 %, p-value history 100", () => new IidSpikeDetector(new IidSpikeOptions())),
        new("IID change point", "confidence 95 %, history 100, power martingale ε 0.1", () => new IidChangePointDetector(new IidChangePointOptions())),
        new("SSA spike", "confidence 95 %, training window 200, seasonality 24", () => new SsaSpikeDetector(new SsaSpikeOptions())),
        new("Spectral Residual", "window 64, threshold 3", () => new SpectralResidualDetector(new SpectralResidualOptions())),
        new("robust spike", "confidence 99.9 %, window 60", () => new RobustSpikeDetector(new RobustSpikeOptions())),
        new("stuck", "StuckOptions defaults", () => new StuckDetector(new StuckOptions())),
        new("default", "DefaultDetector.Create(), what detect runs", DefaultDetector.Create),
    ];
}
