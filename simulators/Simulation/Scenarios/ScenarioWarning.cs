namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A warning an ideal detector raises on each device of <see cref="Target"/>: type (see
/// <c>SmartCity.Twin.Grains.Devices.WarningTypes</c>), from <see cref="Onset"/> to <see cref="End"/> (<c>null</c>: still
/// active when the scenario ends).
/// </summary>
internal sealed record ScenarioWarning(string Type, string Target, TimeSpan Onset, TimeSpan? End);
