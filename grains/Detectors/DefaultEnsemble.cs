namespace SmartCity.Twin.Detectors;

/// <summary>The default detector with its state exposed for a grain to persist: see <see cref="DefaultDetector"/>.</summary>
public sealed class DefaultEnsemble : IStreamingDetector
{
    private readonly SsaSpikeDetector _ssa;
    private readonly StuckDetector _stuck;

    internal DefaultEnsemble(SsaSpikeOptions ssa, StuckOptions stuck, DefaultDetectorState? state)
    {
        State = state ?? new DefaultDetectorState();
        _ssa = new SsaSpikeDetector(ssa, State.Ssa);
        _stuck = new StuckDetector(stuck, State.Stuck);
        State.Ssa = _ssa.State;
        State.Stuck = _stuck.State;
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public DefaultDetectorState State { get; }

    public AnomalyScore Next(double value)
    {
        var forecast = _ssa.Next(value);
        var stuck = _stuck.Next(value);
        return stuck.Score > forecast.Score
            ? stuck with { IsAnomaly = stuck.IsAnomaly || forecast.IsAnomaly }
            : forecast with { IsAnomaly = stuck.IsAnomaly || forecast.IsAnomaly };
    }
}
