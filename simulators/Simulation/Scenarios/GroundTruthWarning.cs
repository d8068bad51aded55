using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A warning an ideal detector raises on one twin, in simulated time; <see cref="End"/> <c>null</c>: still active when the
/// scenario ends; <see cref="Severity"/> <c>null</c>: the type's usual severity.
/// </summary>
internal sealed record GroundTruthWarning(string Scenario, string Type, SimulatedDevice Device, DateTimeOffset Onset, DateTimeOffset? End, AlertSeverity? Severity = null);
