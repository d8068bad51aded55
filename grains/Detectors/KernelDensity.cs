using MathNet.Numerics;

namespace SmartCity.Twin.Detectors;

/// <summary>
/// P-values of a point under a Gaussian kernel density estimated from a small sample (the detectors' recent history),
/// in one O(n) pass and without allocation.
/// </summary>
internal static class KernelDensity
{
    /// <summary>
    /// Silverman's rule of thumb, h = 1.06 · σ̂ · n^(−1/5) with σ̂ the sample standard deviation: optimal for a normal
    /// sample and robust enough for the unimodal windows a streaming detector sees. A constant history has σ̂ = 0, so h
    /// is floored at a millionth of the values' magnitude: any departure from a constant then has p ≈ 0.
    /// </summary>
    public static double Bandwidth(ReadOnlySpan<double> sample, out double mean)
    {
        var n = sample.Length;
        mean = 0;
        for (var i = 0; i < n; i++)
        {
            mean += sample[i];
        }

        mean /= n;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = sample[i] - mean;
            squares += d * d;
        }

        var deviation = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var floor = 1e-6 * Math.Max(1, Math.Abs(mean));
        return Math.Max(1.06 * deviation * Math.Pow(n, -0.2), floor);
    }

    /// <summary>F(x): the estimated probability that a value is at most <paramref name="x"/>, the mean of Φ((x − xᵢ)/h).</summary>
    public static double Cdf(ReadOnlySpan<double> sample, double x)
    {
        var h = Bandwidth(sample, out _);
        var sum = 0.0;
        for (var i = 0; i < sample.Length; i++)
        {
            sum += StandardNormalCdf((x - sample[i]) / h);
        }

        return sum / sample.Length;
    }

    /// <summary>The p-value of <paramref name="x"/> against <paramref name="sample"/> for the given side.</summary>
    public static double PValue(ReadOnlySpan<double> sample, double x, AnomalySide side) => PValues.FromCdf(Cdf(sample, x), side);

    /// <summary>
    /// Φ(z) by cubic Hermite interpolation in a table of Φ and its derivative φ every 1/64 on [−8.5, 8.5] (beyond, Φ is 0
    /// or 1 to double precision). The interpolation error is below h⁴·max|Φ⁗|/384 ≈ 2·10⁻¹⁰ absolute, far inside any
    /// confidence threshold, and a lookup costs a few nanoseconds where MathNet's erfc costs over a hundred; the kernel
    /// density evaluates Φ once per history point per reading, so this is the detectors' hot path.
    /// </summary>
    public static double StandardNormalCdf(double z)
    {
        if (!(z > -TableLimit))
        {
            return 0;
        }

        if (z >= TableLimit)
        {
            return 1;
        }

        var t = (z + TableLimit) * StepsPerUnit;
        var i = (int)t;
        var u = t - i;
        var u2 = u * u;
        var u3 = u2 * u;
        return (((2 * u3) - (3 * u2) + 1) * CdfTable[i])
            + ((u3 - (2 * u2) + u) * DensityTable[i] / StepsPerUnit)
            + (((-2 * u3) + (3 * u2)) * CdfTable[i + 1])
            + ((u3 - u2) * DensityTable[i + 1] / StepsPerUnit);
    }

    private const double TableLimit = 8.5;
    private const int StepsPerUnit = 64;
    private static readonly double[] CdfTable = Tabulate(z => 0.5 * SpecialFunctions.Erfc(-z / Constants.Sqrt2));
    private static readonly double[] DensityTable = Tabulate(z => Math.Exp(-0.5 * z * z) / Constants.Sqrt2Pi);

    private static double[] Tabulate(Func<double, double> function)
    {
        var table = new double[(int)(2 * TableLimit * StepsPerUnit) + 2];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = function(-TableLimit + ((double)i / StepsPerUnit));
        }

        return table;
    }
}
