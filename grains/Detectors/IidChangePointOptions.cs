namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="IidChangePointDetector"/>, named as ML.NET's <c>DetectIidChangePoint</c>.</summary>
public sealed class IidChangePointOptions
{
    /// <summary>
    /// Confidence in percent, (0, 100). Default 95. The martingale threshold is 1/α with α = 1 − confidence/100: by
    /// Ville's inequality a martingale fed exchangeable (normal) data ever reaches 1/α with probability at most α.
    /// </summary>
    public double Confidence { get; set; } = 95;

    /// <summary>Points in the kernel density's history the p-values are taken against, at least 4. Default 100.</summary>
    public int ChangeHistoryLength { get; set; } = 100;

    /// <summary>Default <see cref="MartingaleType.Power"/>.</summary>
    public MartingaleType Martingale { get; set; } = MartingaleType.Power;

    /// <summary>ε of the power martingale, in (0, 1). Default 0.1: small ε bets heavily on very small p-values.</summary>
    public double PowerMartingaleEpsilon { get; set; } = 0.1;

    /// <summary>Default <see cref="AnomalySide.TwoSided"/>.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        PValues.Alpha(Confidence, nameof(Confidence));
        if (ChangeHistoryLength < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(ChangeHistoryLength), ChangeHistoryLength, "The change history needs at least 4 points.");
        }

        if (!(PowerMartingaleEpsilon > 0 && PowerMartingaleEpsilon < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PowerMartingaleEpsilon), PowerMartingaleEpsilon, "The power martingale's epsilon is strictly between 0 and 1, e.g. 0.1.");
        }

        if (!Enum.IsDefined(Martingale))
        {
            throw new ArgumentOutOfRangeException(nameof(Martingale), Martingale, "Martingale is None, Power or Mixture.");
        }

        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Side is TwoSided, Positive or Negative.");
        }
    }
}
