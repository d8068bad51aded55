namespace SmartCity.Twin.Detectors;

/// <summary>Turning a distribution function value into the p-value of a side, and a confidence into its threshold.</summary>
internal static class PValues
{
    /// <summary>
    /// Positive: P(X ≥ x) = 1 − F; negative: P(X ≤ x) = F; two-sided: 2·min(F, 1 − F), so "p below α" means the same
    /// thing on every side.
    /// </summary>
    public static double FromCdf(double cdf, AnomalySide side)
    {
        var p = side switch
        {
            AnomalySide.Positive => 1 - cdf,
            AnomalySide.Negative => cdf,
            _ => 2 * Math.Min(cdf, 1 - cdf),
        };
        return Math.Clamp(p, 0, 1);
    }

    /// <summary>α = 1 − confidence/100, after checking confidence is in (0, 100).</summary>
    public static double Alpha(double confidence, string name)
    {
        if (!(confidence > 0 && confidence < 100))
        {
            throw new ArgumentOutOfRangeException(name, confidence, "Confidence is a percentage strictly between 0 and 100, e.g. 95.");
        }

        return 1 - (confidence / 100);
    }
}
