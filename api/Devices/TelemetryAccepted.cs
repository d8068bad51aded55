using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The body of a 202 from the telemetry endpoint: the twin that took the points.</summary>
internal sealed record TelemetryAccepted(string Id, DeviceKind Kind, int Points);
