namespace SmartCity.Twin.Api.Devices;

/// <summary>How desired properties went out over MQTT (retained, so a device subscribing later gets them too).</summary>
/// <param name="Subscribers">Sessions of the device that had it delivered or queued now; 0 when it waits for the device to subscribe.</param>
internal sealed record DesiredDeliveryResult(bool Published, int Subscribers, string Topic);
