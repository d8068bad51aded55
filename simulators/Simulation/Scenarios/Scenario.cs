namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A scripted drill as written in its file: which devices it involves (<see cref="Targets"/>), what happens to them and
/// when (<see cref="Timeline"/>), and what an ideal detector and a user looking at the twins should see
/// (<see cref="Warnings"/>, <see cref="Expectations"/>). Offsets are from the scenario's start.
/// </summary>
internal sealed record Scenario
{
    /// <summary>The slug it is run by, e.g. <c>fire-public-building</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Vietnamese, as operators call it.</summary>
    public required string Title { get; init; }

    /// <summary>English, for the engineers.</summary>
    public required string Description { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The local time the scenario must start at (night, rush hour, opening hours); <c>null</c>: any time.</summary>
    public ScenarioStartTime? StartsAt { get; init; }

    public required IReadOnlyList<ScenarioTarget> Targets { get; init; }

    /// <summary>Names of the targets simulated when the scenario runs alone: the actors and the control group.</summary>
    public required IReadOnlyList<string> Cast { get; init; }

    public required IReadOnlyList<ScenarioStep> Timeline { get; init; }

    public required IReadOnlyList<ScenarioWarning> Warnings { get; init; }

    public required IReadOnlyList<ScenarioExpectation> Expectations { get; init; }

    /// <summary>Where it was read from, for messages: <c>fire-public-building.json</c> or a path.</summary>
    public required string Source { get; init; }

    public ScenarioTarget? FindTarget(string name) => Targets.FirstOrDefault(t => t.Name == name);
}
