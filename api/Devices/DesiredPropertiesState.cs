namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// <c>GET /api/v1/twins/{id}/desired</c>: what the IOC wants the device to have, what the device reports it has, and
/// which desired keys it has not yet reported with the desired value.
/// </summary>
internal sealed record DesiredPropertiesState(
    string Id,
    long Version,
    IReadOnlyDictionary<string, string> Desired,
    DateTimeOffset? DesiredAt,
    IReadOnlyDictionary<string, string> Reported,
    DateTimeOffset? ReportedAt,
    IReadOnlyList<string> Pending,
    bool InSync);
