namespace SmartCity.Twin.Detectors;

/// <summary>
/// Spike detection on a series of independent points, as ML.NET's <c>DetectIidSpike</c>: the p-value of each point under
/// a kernel density estimated from the last <see cref="IidSpikeOptions.PValueHistoryLength"/> points
/// (<see cref="KernelDensity"/>). Scores from the point the history is half full; before that the detector only learns.
/// </summary>
public sealed class IidSpikeDetector : IStreamingDetector
{
    private readonly double _alpha;
    private readonly AnomalySide _side;
    private readonly int _warmUp;

    public IidSpikeDetector(IidSpikeOptions options, IidDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _alpha = PValues.Alpha(options.Confidence, nameof(options.Confidence));
        _side = options.Side;
        _warmUp = Math.Max(2, options.PValueHistoryLength / 2);
        State = state ?? new IidDetectorState();
        State.History = Ring.Ensure(State.History, options.PValueHistoryLength, "history");
        if (State.Count < 0)
        {
            throw new ArgumentException("The stored point count is negative.", nameof(state));
        }
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public IidDetectorState State { get; }

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        var history = State.History;
        var filled = Ring.Filled(history, State.Count);
        var score = new AnomalyScore(0, false, 0.5, 0);
        if (filled >= _warmUp)
        {
            var p = KernelDensity.PValue(history.AsSpan(0, filled), value, _side);
            score = new AnomalyScore(1 - p, p < _alpha, p, 0);
        }

        Ring.Add(history, State.Count, value);
        State.Count++;
        return score;
    }
}
