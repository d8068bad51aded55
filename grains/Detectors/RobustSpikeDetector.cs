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
    private readonly PointWindow _window;
    private readonly double[] _scratch;

    public RobustSpikeDetector(RobustSpikeOptions options, IidDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _window = new PointWindow(state, options.WindowSize, options.Confidence, options.Side);
        _scratch = new double[options.WindowSize];
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public IidDetectorState State => _window.State;

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        var window = _window.Ready();
        var score = _window.Score(window.IsEmpty ? null : PValues.FromCdf(KernelDensity.StandardNormalCdf(RobustZ(window, value)), _window.Side));
        _window.Add(value);
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
