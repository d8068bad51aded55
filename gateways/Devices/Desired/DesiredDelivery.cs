namespace SmartCity.Twin.Gateways.Devices.Desired;

/// <summary>How a desired configuration went out to its device.</summary>
/// <param name="Version">The version published: the twin's latest, which may be newer than the update that asked.</param>
/// <param name="Subscribers">Sessions of the device it was delivered or queued to now; 0 means it waits, retained, for the device to subscribe.</param>
internal sealed record DesiredDelivery(long Version, int Subscribers);
