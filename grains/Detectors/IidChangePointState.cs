namespace SmartCity.Twin.Detectors;

/// <summary>What an <see cref="IidChangePointDetector"/> has learned, as plain properties a grain stores with its own state.</summary>
public sealed class IidChangePointState
{
    /// <summary>The last points, a ring buffer.</summary>
    public double[] History { get; set; } = [];

    /// <summary>The log-bets of the last points, a ring buffer written in step with <see cref="History"/>.</summary>
    public double[] LogBets { get; set; } = [];

    /// <summary>How many points were seen in all.</summary>
    public long Count { get; set; }

    /// <summary>Whether the martingale was at or above its threshold after the previous point.</summary>
    public bool AboveThreshold { get; set; }
}
