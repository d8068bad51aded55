using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Alerts close in space and time, seen as one event (a fire panel alarm, the camera that saw smoke, the PM2.5 spike
/// next door). <see cref="Severity"/> is the highest of its alerts'; <see cref="Bounds"/> encloses their locations.
/// </summary>
internal sealed record IncidentResponse(
    string Id,
    IncidentStatus Status,
    AlertSeverity Severity,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> DistrictIds,
    DateTimeOffset FirstRaisedAt,
    DateTimeOffset LastRaisedAt,
    GeoBounds Bounds,
    IReadOnlyList<AlertSnapshot> Alerts);
