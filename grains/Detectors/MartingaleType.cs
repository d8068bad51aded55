namespace SmartCity.Twin.Detectors;

/// <summary>How p-values are bet on to detect a change, as ML.NET's <c>MartingaleType</c>.</summary>
public enum MartingaleType
{
    /// <summary>No martingale: a change point is any point whose p-value is below α.</summary>
    None,

    /// <summary>Bets ε·p^(ε−1) on each p-value, for a fixed ε in (0, 1).</summary>
    Power,

    /// <summary>The power bet averaged over ε uniform on (0, 1): ∫₀¹ ε·p^(ε−1) dε, no ε to tune.</summary>
    Mixture,
}
