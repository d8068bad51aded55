namespace SmartCity.Twin.Detectors;

/// <summary>
/// Spikes and level shifts against a robust baseline: the robust z-score (x − median) / (1.4826·MAD) over the last
/// <see cref="RobustSpikeOptions.WindowSize"/> points, read as a normal p-value. Unlike the kernel density, the median and
/// MAD ignore the anomalies already in the window (up to half of it), so a burst of spikes or the first minutes of a
/// shift do not teach the detector that they are normal. 1.4826·MAD estimates σ for normal data; for quantised counts
/// whose MAD is 0 the mean absolute deviation (×1.2533, also σ for normal data) is used instead. Scores from the point
/// the window is half full.
/// </summary>
public sealed class RobustSpikeDetector : IStreamingDetector
{
    private readonly double _alpha;
    private readonly AnomalySide _side;
    private readonly double[] _scratch;
    private readonly int _warmUp;

    public RobustSpikeDetector(RobustSpikeOptions options, IidDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _alpha = PValues.Alpha(options.Confidence, nameof(options.Confidence));
        _side = options.Side;
        _scratch = new double[options.WindowSize];
        _warmUp = Math.Max(2, options.WindowSize / 2);
        State = state ?? new IidDetectorState();
        State.History = Ring.Ensure(State.History, options.WindowSize, "history");
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
            var z = RobustZ(history.AsSpan(0, filled), value);
            var p = PValues.FromCdf(KernelDensity.StandardNormalCdf(z), _side);
            score = new AnomalyScore(1 - p, p < _alpha, p, 0);
        }

        Ring.Add(history, State.Count, value);
        State.Count++;
        return score;
    }

    private double RobustZ(ReadOnlySpan<double> window, double value)
    {
        var scratch = _scratch.AsSpan(0, window.Length);
        window.CopyTo(scratch);
        var median = Median.Of(scratch);
        var absolute = 0.0;
        for (var i = 0; i < scratch.Length; i++)
        {
            scratch[i] = Math.Abs(scratch[i] - median);
            absolute += scratch[i];
        }

        var sigma = 1.4826 * Median.Of(scratch);
        if (sigma <= 0)
        {
            sigma = 1.2533 * absolute / scratch.Length;
        }

        sigma = Math.Max(sigma, 1e-6 * Math.Max(1, Math.Abs(median)));
        return (value - median) / sigma;
    }
}
