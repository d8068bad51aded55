using SmartCity.Twin.Grains.Alerts;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A warning an ideal detector raises on each device of <see cref="Target"/>: type (see
/// <c>SmartCity.Twin.Grains.Devices.WarningTypes</c>), from <see cref="Onset"/> to <see cref="End"/> (<c>null</c>: still
/// active when the scenario ends), and <see cref="Severity"/> when it differs from the type's usual one (a tamper while
/// an intrusion is in progress is critical).
/// </summary>
internal sealed record ScenarioWarning(string Type, string Target, TimeSpan Onset, TimeSpan? End, AlertSeverity? Severity = null);
