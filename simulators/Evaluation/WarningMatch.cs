namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>Warnings scored against ground truth: the tallies per type, and the false alerts in time order.</summary>
internal sealed record WarningMatch(IReadOnlyDictionary<string, EventCounts> ByType, IReadOnlyList<RaisedWarning> FalseAlerts);
