namespace SmartCity.Twin.Detectors;

/// <summary>
/// The detector the <c>detect</c> command and the twins run on any series, chosen by F1 on the labelled synthetic set
/// (simulators/Simulation/Labelled; table in docs/detection.md): SSA forecast residuals at high confidence, which follow
/// daily cycles and autocorrelated noise that fool the IID detectors, plus the stuck-sensor check that no value-based
/// detector can make.
/// </summary>
public static class DefaultDetector
{
    public static readonly SsaSpikeOptions SsaOptions = new() { Confidence = 99.99 };

    public static readonly StuckOptions StuckOptions = new();

    public static IStreamingDetector Create() => Create(null);

    /// <summary>A default detector resuming from <paramref name="state"/> (null = fresh).</summary>
    public static DefaultEnsemble Create(DefaultDetectorState? state) => new(SsaOptions, StuckOptions, state);
}
