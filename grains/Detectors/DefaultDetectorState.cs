namespace SmartCity.Twin.Detectors;

/// <summary>What the default detector has learned: its members' states, null until first used.</summary>
public sealed class DefaultDetectorState
{
    public SsaDetectorState? Ssa { get; set; }

    public StuckState? Stuck { get; set; }
}
