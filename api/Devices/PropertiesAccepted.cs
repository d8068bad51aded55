using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Devices;

/// <summary>The body of a 202 from the state endpoint: the twin that took the reported properties, and how many.</summary>
internal sealed record PropertiesAccepted(string Id, DeviceKind Kind, int Properties);
