namespace SmartCity.Twin.Detectors;

/// <summary>
/// Spike detection on a series of independent points, as ML.NET's <c>DetectIidSpike</c>: the p-value of each point under
/// a kernel density estimated from the last <see cref="IidSpikeOptions.PValueHistoryLength"/> points.
/// </summary>
public sealed class IidSpikeDetector : IStreamingDetector
{
    public IidSpikeDetector(IidSpikeOptions options, IidDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        State = state ?? new IidDetectorState();
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public IidDetectorState State { get; }

    public AnomalyScore Next(double value) => throw new NotImplementedException("issue 6: detectors are being written");
}
