namespace SmartCity.Twin.Detectors;

/// <summary>
/// Everything an IID detector has learned, as plain properties so a grain can store it with its own state and hand it
/// back to the detector's constructor after a restart.
/// </summary>
public sealed class IidDetectorState
{
    /// <summary>The last points, a ring buffer.</summary>
    public double[] History { get; set; } = [];

    /// <summary>How many points were seen in all.</summary>
    public long Count { get; set; }
}
