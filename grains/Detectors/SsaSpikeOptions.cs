namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="SsaSpikeDetector"/>, named as ML.NET's <c>DetectSpikeBySsa</c>.</summary>
public sealed class SsaSpikeOptions
{
    /// <summary>Confidence in percent, (0, 100). Default 95: a spike when the forecast residual's p-value is below 0.05.</summary>
    public double Confidence { get; set; } = 95;

    /// <summary>How many past forecast residuals the residual's kernel density is estimated from, at least 4. Default 100.</summary>
    public int PValueHistoryLength { get; set; } = 100;

    /// <summary>Points the SSA model is fitted on, at least twice <see cref="SeasonalityWindowSize"/>. Default 200.</summary>
    public int TrainingWindowSize { get; set; } = 200;

    /// <summary>The embedding window L (rows of the trajectory matrix): the longest pattern the model can follow, at least 2, at most 100. Default 24.</summary>
    public int SeasonalityWindowSize { get; set; } = 24;

    /// <summary>
    /// Points between refits, at least 1. Default 200 (one training window). A refit costs O(L·N) for the lag matrix and
    /// O(L³) per Jacobi sweep (about ten sweeps); spread over 200 points that is a few microseconds per point at L = 24,
    /// while refitting every 50 points made the refits three quarters of the cost (measured). Between refits the model
    /// still follows the series, since its recurrence runs on the latest values; only the learned shape waits.
    /// </summary>
    public int RefitInterval { get; set; } = 200;

    /// <summary>Which sign of the residual (value − forecast) counts. Default <see cref="AnomalySide.TwoSided"/>.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        PValues.Alpha(Confidence, nameof(Confidence));
        if (PValueHistoryLength < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(PValueHistoryLength), PValueHistoryLength, "The p-value history needs at least 4 points.");
        }

        if (SeasonalityWindowSize is < 2 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(SeasonalityWindowSize), SeasonalityWindowSize, "The seasonality window is between 2 and 100 points.");
        }

        if (TrainingWindowSize < 2 * SeasonalityWindowSize)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingWindowSize), TrainingWindowSize, $"The training window needs at least twice the seasonality window ({2 * SeasonalityWindowSize} points).");
        }

        if (RefitInterval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RefitInterval), RefitInterval, "Refit at least every point (1) or less often.");
        }

        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Side is TwoSided, Positive or Negative.");
        }
    }
}
