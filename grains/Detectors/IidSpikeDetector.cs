namespace SmartCity.Twin.Detectors;

/// <summary>
/// Spike detection on a series of independent points, as ML.NET's <c>DetectIidSpike</c>: the p-value of each point under
/// a kernel density estimated from the last <see cref="IidSpikeOptions.PValueHistoryLength"/> points
/// (<see cref="KernelDensity"/>). Scores from the point the history is half full; before that the detector only learns.
/// </summary>
public sealed class IidSpikeDetector : IStreamingDetector
{
    private readonly PointWindow _window;

    public IidSpikeDetector(IidSpikeOptions options, IidDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _window = new PointWindow(state, options.PValueHistoryLength, options.Confidence, options.Side);
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public IidDetectorState State => _window.State;

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        var history = _window.Ready();
        var score = _window.Score(history.IsEmpty ? null : KernelDensity.PValue(history, value, _window.Side));
        _window.Add(value);
        return score;
    }
}
