using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>A detector under evaluation: how the tables name it, and a fresh one per series.</summary>
internal sealed record SeriesDetector(string Name, string Settings, Func<IStreamingDetector> Create)
{
    /// <summary>The library's detectors at ML.NET's usual settings, and the default one <c>detect</c> runs.</summary>
    public static IReadOnlyList<SeriesDetector> All { get; } =
    [
        new("IID spike", "confidence 95 %, p-value history 100", () => new IidSpikeDetector(new IidSpikeOptions())),
        new("IID change point", "confidence 95 %, history 100, power martingale ε 0.1", () => new IidChangePointDetector(new IidChangePointOptions())),
        new("default", "DefaultDetector.Create()", DefaultDetector.Create),
    ];
}
