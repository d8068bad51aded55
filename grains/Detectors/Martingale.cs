namespace SmartCity.Twin.Detectors;

/// <summary>The betting functions of the exchangeability martingales: how much one p-value multiplies the martingale by.</summary>
internal static class Martingale
{
    /// <summary>
    /// A p-value of exactly 0 would make the bet infinite and the martingale stuck at infinity for a whole window, so
    /// p-values are floored here (a KDE p-value that small is already "certainly not normal").
    /// </summary>
    public const double SmallestPValue = 1e-12;

    /// <summary>log(ε·p^(ε−1)) = log ε + (ε − 1)·log p.</summary>
    public static double LogPowerBet(double p, double epsilon) => Math.Log(epsilon) + ((epsilon - 1) * Math.Log(Math.Max(p, SmallestPValue)));

    /// <summary>
    /// log ∫₀¹ ε·p^(ε−1) dε. With a = ln p: ∫₀¹ ε·e^(aε) dε / p = (e^a·(a − 1) + 1) / (a²·p) = (p·(ln p − 1) + 1) / (p·ln²p),
    /// which tends to 1/2 as p → 1: with p = e^a it is (a − 1 + e^(−a)) / a² = 1/2 − a/6 + a²/24 − O(a³).
    /// </summary>
    public static double LogMixtureBet(double p)
    {
        p = Math.Clamp(p, SmallestPValue, 1);
        var a = Math.Log(p);
        if (a > -1e-4)
        {
            // Near p = 1 the closed form cancels catastrophically; the series is exact to O(a³) there.
            return Math.Log(0.5 - (a / 6) + (a * a / 24));
        }

        return Math.Log(((p * (a - 1)) + 1) / (p * a * a));
    }
}
