namespace SmartCity.Twin.Detectors;

/// <summary>
/// Streaming Spectral Residual (Ren et al., KDD 2019): at each point the saliency map of the sliding window (newest point
/// followed by the extrapolated tail, so the newest point is not at the transform's edge) is computed and the newest
/// point's saliency S compared with the mean S̄ of the saliencies of the preceding points: anomalous when
/// (S − S̄)/S̄ &gt; τ. Scores from the point the window and the local average are full.
/// <para>
/// SR has no probability model, so <see cref="AnomalyScore.PValue"/> is a monotone stand-in, 20^(−ratio/τ): 1 for an
/// ordinary point, exactly 0.05 at the threshold, so <c>Score = 1 − PValue</c> crosses 0.95 where the IID detectors'
/// scores do at their default confidence.
/// </para>
/// </summary>
public sealed class SpectralResidualDetector : IStreamingDetector
{
    private readonly SpectralResidualOptions _options;
    private readonly RadixTwoFourier _fourier;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _logAmplitude;
    private readonly int _points;

    public SpectralResidualDetector(SpectralResidualOptions options, SpectralResidualState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _fourier = new RadixTwoFourier(options.WindowSize);
        _re = new double[options.WindowSize];
        _im = new double[options.WindowSize];
        _logAmplitude = new double[options.WindowSize];
        _points = options.WindowSize - options.ExtrapolatedPoints;
        State = state ?? new SpectralResidualState();
        State.History = Ring.Ensure(State.History, _points, "window");
        State.Saliencies = Ring.Ensure(State.Saliencies, options.LocalAverageWindow, "saliency history");
        if (State.Count < 0 || State.SaliencyCount < 0)
        {
            throw new ArgumentException("The stored point counts are negative.", nameof(state));
        }
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public SpectralResidualState State { get; }

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        Ring.Add(State.History, State.Count, value);
        State.Count++;
        if (State.Count < _points)
        {
            return new AnomalyScore(0, false, 1, 0);
        }

        var saliency = NewestSaliency();
        var saliencies = State.Saliencies;
        var score = new AnomalyScore(0, false, 1, 0);
        if (State.SaliencyCount >= saliencies.Length)
        {
            var mean = 0.0;
            for (var i = 0; i < saliencies.Length; i++)
            {
                mean += saliencies[i];
            }

            mean /= saliencies.Length;
            var ratio = mean > 0 ? (saliency - mean) / mean : 0;
            var p = Math.Pow(20, -Math.Max(0, ratio) / _options.Threshold);
            score = new AnomalyScore(1 - p, ratio > _options.Threshold, p, 0);
        }

        Ring.Add(saliencies, State.SaliencyCount, saliency);
        State.SaliencyCount++;
        return score;
    }

    /// <summary>The saliency of the newest point within the current window (equals the batch map's last entry).</summary>
    private double NewestSaliency()
    {
        var history = State.History;
        var oldest = (int)(State.Count % _points);
        history.AsSpan(oldest).CopyTo(_re);
        history.AsSpan(0, oldest).CopyTo(_re.AsSpan(_points - oldest));
        SpectralResidual.Extrapolate(_re, _points, _options.ExtrapolatedPoints);
        Array.Clear(_im);
        _fourier.Forward(_re, _im);
        SpectralResidual.ReplaceAmplitudeByResidual(_re, _im, _logAmplitude, _options.AveragingWindow);
        _fourier.Inverse(_re, _im);
        var last = _points - 1;
        return Math.Sqrt((_re[last] * _re[last]) + (_im[last] * _im[last]));
    }
}
