namespace SmartCity.Twin.Detectors;

/// <summary>What a <see cref="StuckDetector"/> tracks, as plain properties a grain stores with its own state.</summary>
public sealed class StuckState
{
    /// <summary>The value the current run repeats.</summary>
    public double RunValue { get; set; }

    /// <summary>How many consecutive readings equal <see cref="RunValue"/>; 0 before the first.</summary>
    public int RunLength { get; set; }

    /// <summary>The smallest reading seen, null before the first: a sensor resting at its floor (no queue, no traffic) is not stuck.</summary>
    public double? Floor { get; set; }
}
