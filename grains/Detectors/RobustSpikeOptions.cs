namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="RobustSpikeDetector"/>.</summary>
public sealed class RobustSpikeOptions
{
    /// <summary>Confidence in percent, (0, 100). Default 99.9: alerts beyond about 3.3 robust standard deviations.</summary>
    public double Confidence { get; set; } = 99.9;

    /// <summary>How many past points the median and MAD are taken over, at least 4. Default 60.</summary>
    public int WindowSize { get; set; } = 60;

    /// <summary>Default <see cref="AnomalySide.TwoSided"/>.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        PValues.Alpha(Confidence, nameof(Confidence));
        if (WindowSize < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "The window needs at least 4 points.");
        }

        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Side is TwoSided, Positive or Negative.");
        }
    }
}
