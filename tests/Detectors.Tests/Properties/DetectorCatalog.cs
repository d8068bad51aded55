namespace SmartCity.Twin.Detectors.Tests.Properties;

/// <summary>Every detector at its default settings, by name, for the tests that hold for all of them.</summary>
internal static class DetectorCatalog
{
    public static readonly string[] Names = ["iid-spike", "iid-change-point-power", "iid-change-point-mixture", "ssa", "spectral-residual", "robust", "stuck", "default"];

    public static IStreamingDetector Create(string name) => name switch
    {
        "iid-spike" => new IidSpikeDetector(new IidSpikeOptions()),
        "iid-change-point-power" => new IidChangePointDetector(new IidChangePointOptions()),
        "iid-change-point-mixture" => new IidChangePointDetector(new IidChangePointOptions { Martingale = MartingaleType.Mixture }),
        "ssa" => new SsaSpikeDetector(new SsaSpikeOptions()),
        "spectral-residual" => new SpectralResidualDetector(new SpectralResidualOptions()),
        "robust" => new RobustSpikeDetector(new RobustSpikeOptions()),
        "stuck" => new StuckDetector(new StuckOptions()),
        _ => DefaultDetector.Create(),
    };
}
