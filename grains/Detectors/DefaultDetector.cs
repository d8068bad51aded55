namespace SmartCity.Twin.Detectors;

/// <summary>
/// The detector the <c>detect</c> command and the twins run on any series, chosen by F1 on the labelled synthetic set
/// (simulators/Simulation/Labelled; table in docs/detection.md): SSA forecast residuals at high confidence, which follow
/// daily cycles and autocorrelated noise that fool the IID detectors, plus the stuck-sensor check that no value-based
/// detector can make.
/// </summary>
public static class DefaultDetector
{
    public static IStreamingDetector Create() => Create(null);

    /// <summary>A default detector resuming from <paramref name="state"/> (null = fresh).</summary>
    /// <remarks>Options are made afresh for each detector: they are mutable, and one caller's change must not reach another's detector.</remarks>
    public static DefaultEnsemble Create(DefaultDetectorState? state) =>
        new(new SsaSpikeOptions { Confidence = 99.99 }, new StuckOptions(), state);
}
