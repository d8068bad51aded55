using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Drills;

/// <summary>
/// A moment of a played scenario that its ground truth says something about. While it is being checked the simulation
/// holds still: everything up to <see cref="At"/> has reached the twin, nothing later has been sent.
/// </summary>
internal sealed record DrillCheckpoint(ScenarioPlay Play, DateTimeOffset At, IReadOnlyList<GroundTruthExpectation> Expectations)
{
    public TimeSpan Offset => At - Play.Start;
}
