namespace SmartCity.Twin.Detectors;

/// <summary>
/// The part the window detectors share: the last points in a ring (kept in <see cref="IidDetectorState"/>), the
/// warm-up until the window is half full, and turning a p-value into a score at the configured confidence and side.
/// </summary>
internal sealed class PointWindow
{
    private static readonly AnomalyScore Learning = new(0, false, 0.5, 0);

    private readonly double _alpha;
    private readonly int _warmUp;

    public PointWindow(IidDetectorState? state, int length, double confidence, AnomalySide side)
    {
        _alpha = PValues.Alpha(confidence, "Confidence");
        Side = side;
        _warmUp = Math.Max(2, length / 2);
        State = state ?? new IidDetectorState();
        State.History = Ring.Ensure(State.History, length, "history");
        if (State.Count < 0)
        {
            throw new ArgumentException("The stored point count is negative.", nameof(state));
        }
    }

    public IidDetectorState State { get; }

    public AnomalySide Side { get; }

    /// <summary>The points seen so far (in ring order), or empty while the detector is still learning.</summary>
    public ReadOnlySpan<double> Ready()
    {
        var filled = Ring.Filled(State.History, State.Count);
        return filled >= _warmUp ? State.History.AsSpan(0, filled) : [];
    }

    /// <summary>The score of a point with p-value <paramref name="p"/>; <paramref name="p"/> is <c>null</c> while learning.</summary>
    public AnomalyScore Score(double? p) => p is { } value ? new AnomalyScore(1 - value, value < _alpha, value, 0) : Learning;

    public void Add(double value)
    {
        Ring.Add(State.History, State.Count, value);
        State.Count++;
    }
}
