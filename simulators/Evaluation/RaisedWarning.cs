namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// One time a twin's alert went up: its first raise, or its return after the condition had cleared. <see cref="At"/> is
/// the alert's own time (when the condition began by the device's readings), not when the harness saw it.
/// </summary>
internal sealed record RaisedWarning(string Type, string TwinId, DateTimeOffset At, string AlertId, string? Message);
