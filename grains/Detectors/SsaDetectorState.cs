namespace SmartCity.Twin.Detectors;

/// <summary>What an <see cref="SsaSpikeDetector"/> has learned, as plain properties a grain stores with its own state.</summary>
public sealed class SsaDetectorState
{
    /// <summary>The last points (the training window), a ring buffer.</summary>
    public double[] History { get; set; } = [];

    /// <summary>How many points were seen in all.</summary>
    public long Count { get; set; }

    /// <summary>The last forecast residuals (value − forecast), a ring buffer.</summary>
    public double[] Residuals { get; set; } = [];

    /// <summary>How many residuals were recorded in all.</summary>
    public long ResidualCount { get; set; }

    /// <summary>The fitted linear recurrence: the next value is their dot product with the last L − 1 values, oldest first; empty until fitted.</summary>
    public double[] Coefficients { get; set; } = [];

    /// <summary>The point count at the last fit.</summary>
    public long FittedAt { get; set; }

    /// <summary>The signal rank of the last fit.</summary>
    public int Rank { get; set; }
}
