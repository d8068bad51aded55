using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Observation;

/// <summary>A device twin changed: its summary after the change, and what the change carried.</summary>
/// <param name="Twin">The twin after the change (immutable; observers may keep it).</param>
/// <param name="What">What changed.</param>
/// <param name="Points">For <see cref="DeviceTwinChangeKind.Telemetry"/>: the accepted points, in arrival order; empty otherwise.</param>
/// <param name="EventType">
/// For <see cref="DeviceTwinChangeKind.Event"/>: a kebab-case name, e.g. the camera analytics type (<c>violation</c>,
/// <c>intrusion</c>…), <c>panel-alarm</c>, <c>officer-present</c>, <c>officer-absent</c>, <c>signal-phase</c>.
/// </param>
/// <param name="At">When the twin made the change (silo clock).</param>
public sealed record DeviceTwinChange(
    DeviceTwinSummary Twin,
    DeviceTwinChangeKind What,
    IReadOnlyList<TelemetryPoint> Points,
    string? EventType,
    DateTimeOffset At);
