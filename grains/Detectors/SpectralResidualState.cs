namespace SmartCity.Twin.Detectors;

/// <summary>What a <see cref="SpectralResidualDetector"/> has seen, as plain properties a grain stores with its own state.</summary>
public sealed class SpectralResidualState
{
    /// <summary>The last points, a ring buffer.</summary>
    public double[] History { get; set; } = [];

    /// <summary>How many points were seen in all.</summary>
    public long Count { get; set; }

    /// <summary>The saliency of the last points, each taken when it was the newest, a ring buffer.</summary>
    public double[] Saliencies { get; set; } = [];

    /// <summary>How many saliency values were recorded in all.</summary>
    public long SaliencyCount { get; set; }
}
