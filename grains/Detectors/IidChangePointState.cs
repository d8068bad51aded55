namespace SmartCity.Twin.Detectors;

/// <summary>What an <see cref="IidChangePointDetector"/> has learned, as plain properties a grain stores with its own state.</summary>
public sealed class IidChangePointState
{
    /// <summary>The last points, a ring buffer.</summary>
    public double[] History { get; set; } = [];

    /// <summary>How many points were seen in all.</summary>
    public long Count { get; set; }

    /// <summary>The log of the martingale statistic after the last point.</summary>
    public double LogMartingale { get; set; }

    /// <summary>Whether the martingale was at or above its threshold after the previous point.</summary>
    public bool AboveThreshold { get; set; }
}
