using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace SmartCity.Twin.Detectors;

/// <summary>
/// The Spectral Residual saliency map of Ren et al., "Time-Series Anomaly Detection Service at Microsoft" (KDD 2019),
/// §3.2–3.3: a series' log-amplitude spectrum minus its local average keeps what is "unexpected" in the spectrum; back
/// in the time domain that residual peaks where the series does something unusual. To make the last points as salient as
/// the middle ones, the series is first extended by extrapolated points (paper eq. 5–6, see <see cref="Extrapolate"/>).
/// </summary>
public static class SpectralResidual
{
    /// <summary>κ in the paper: extrapolated points appended, and the m preceding points their slope is averaged over.</summary>
    public const int DefaultExtrapolatedPoints = 5;

    /// <summary>q in the paper: the width of the moving average over the log-amplitude spectrum.</summary>
    public const int DefaultAveragingWindow = 3;

    /// <summary>The saliency of every point of <paramref name="values"/> (any length ≥ 1).</summary>
    public static double[] Saliency(ReadOnlySpan<double> values) => Saliency(values, DefaultExtrapolatedPoints, DefaultAveragingWindow);

    public static double[] Saliency(ReadOnlySpan<double> values, int extrapolatedPoints, int averagingWindow)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The series is empty.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(extrapolatedPoints);
        ArgumentOutOfRangeException.ThrowIfLessThan(averagingWindow, 1);
        foreach (var value in values)
        {
            Finite.Check(value);
        }

        var length = values.Length + extrapolatedPoints;
        var re = new double[length];
        var im = new double[length];
        values.CopyTo(re);
        Extrapolate(re, values.Length, extrapolatedPoints);
        var spectrum = new Complex[length];
        for (var i = 0; i < length; i++)
        {
            spectrum[i] = new Complex(re[i], 0);
        }

        Fourier.Forward(spectrum, FourierOptions.Matlab);
        for (var i = 0; i < length; i++)
        {
            re[i] = spectrum[i].Real;
            im[i] = spectrum[i].Imaginary;
        }

        ReplaceAmplitudeByResidual(re, im, new double[length], averagingWindow);
        for (var i = 0; i < length; i++)
        {
            spectrum[i] = new Complex(re[i], im[i]);
        }

        Fourier.Inverse(spectrum, FourierOptions.Matlab);
        var saliency = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            saliency[i] = spectrum[i].Magnitude;
        }

        return saliency;
    }

    /// <summary>
    /// Fills <paramref name="series"/>[<paramref name="count"/> …] with <paramref name="extrapolated"/> copies of the value
    /// the trend before the newest point predicts just after it: with b = x[n − 2] and the paper's averaged slope
    /// ḡ = (1/m)·Σᵢ₌₁..ₘ (b − x[n − 2 − i]) / i (eq. 5, m = κ or fewer on a short series), the tail is b + 2ḡ.
    /// Unlike eq. 6, which extrapolates from the newest point itself, the newest point is left out: a spike there
    /// would otherwise be amplified into the tail (1 + 1/2 + … + 1/m times over) and the newest point would look like the
    /// start of a plateau rather than a spike, which is what a streaming detector must see.
    /// </summary>
    internal static void Extrapolate(Span<double> series, int count, int extrapolated)
    {
        if (extrapolated == 0)
        {
            return;
        }

        var next = series[count - 1];
        if (count >= 2)
        {
            var basis = series[count - 2];
            var m = Math.Min(extrapolated, count - 2);
            var gradient = 0.0;
            for (var i = 1; i <= m; i++)
            {
                gradient += (basis - series[count - 2 - i]) / i;
            }

            next = basis + (m > 0 ? 2 * gradient / m : 0);
        }

        series.Slice(count, extrapolated).Fill(next);
    }

    /// <summary>
    /// In place on a spectrum: amplitude A → exp(log A − (h_q ∗ log A)) with the phase kept, the average taken over q
    /// neighbouring frequencies (circularly: the DFT's frequencies wrap). Bins with no energy stay empty: their phase is
    /// undefined and their log amplitude would be −∞.
    /// </summary>
    internal static void ReplaceAmplitudeByResidual(Span<double> re, Span<double> im, Span<double> logAmplitude, int averagingWindow)
    {
        var n = re.Length;
        var largest = 0.0;
        for (var f = 0; f < n; f++)
        {
            largest = Math.Max(largest, Math.Sqrt((re[f] * re[f]) + (im[f] * im[f])));
        }

        var floor = 1e-12 * Math.Max(1, largest);
        for (var f = 0; f < n; f++)
        {
            logAmplitude[f] = Math.Log(Math.Max(Math.Sqrt((re[f] * re[f]) + (im[f] * im[f])), floor));
        }

        var before = (averagingWindow - 1) / 2;
        for (var f = 0; f < n; f++)
        {
            var amplitude = Math.Sqrt((re[f] * re[f]) + (im[f] * im[f]));
            if (amplitude <= floor)
            {
                re[f] = 0;
                im[f] = 0;
                continue;
            }

            var average = 0.0;
            for (var j = 0; j < averagingWindow; j++)
            {
                average += logAmplitude[(((f - before + j) % n) + n) % n];
            }

            var residual = Math.Exp(logAmplitude[f] - (average / averagingWindow));
            re[f] *= residual / amplitude;
            im[f] *= residual / amplitude;
        }
    }
}
