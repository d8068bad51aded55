using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The body of a 202 from the events endpoint: the twin that took the event.</summary>
internal sealed record EventAccepted(string Id, DeviceKind Kind, string Type);
