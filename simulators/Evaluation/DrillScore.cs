namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>How the twins did on one drill played over the living province: per warning type, and what the replay took.</summary>
internal sealed record DrillScore(
    string Scenario,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyDictionary<string, EventCounts> ByType,
    IReadOnlyList<RaisedWarning> FalseAlerts,
    long Messages,
    string? Refusals,
    TimeSpan Wall);
