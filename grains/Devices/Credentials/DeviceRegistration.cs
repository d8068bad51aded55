namespace SmartCity.Twin.Grains.Devices.Credentials;

/// <summary>The outcome of <see cref="IDeviceCredentials.Register"/>.</summary>
/// <param name="Secret">The device's MQTT password, only when this call issued it; never retrievable again.</param>
public sealed record DeviceRegistration(string DeviceId, DeviceKind Kind, bool IsNew, string? Secret, DateTimeOffset RegisteredAt);
