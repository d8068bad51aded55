using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>What a device twin knows when it raises a warning: itself, where it is, and what it measured.</summary>
/// <param name="At">When the condition began.</param>
/// <param name="Severity">The detector's severity; <c>null</c> for the type's usual one (<see cref="AlertSeverities.Of"/>).</param>
public sealed record AlertRaise(
    string Type,
    string TwinId,
    DeviceKind TwinKind,
    string? DistrictId,
    GeoPoint? Location,
    string? Message,
    IReadOnlyDictionary<string, double> Evidence,
    DateTimeOffset At,
    AlertSeverity? Severity = null);
