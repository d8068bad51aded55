namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="IidSpikeDetector"/>, named as ML.NET's <c>DetectIidSpike</c>.</summary>
public sealed class IidSpikeOptions
{
    /// <summary>Confidence in percent, (0, 100). Default 95: a point is a spike when its p-value is below 0.05.</summary>
    public double Confidence { get; set; } = 95;

    /// <summary>How many past points the kernel density is estimated from, at least 4. Default 100.</summary>
    public int PValueHistoryLength { get; set; } = 100;

    /// <summary>Default <see cref="AnomalySide.TwoSided"/>.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        PValues.Alpha(Confidence, nameof(Confidence));
        if (PValueHistoryLength < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(PValueHistoryLength), PValueHistoryLength, "The p-value history needs at least 4 points.");
        }

        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Side is TwoSided, Positive or Negative.");
        }
    }
}
