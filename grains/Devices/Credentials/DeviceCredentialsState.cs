namespace SmartCity.Twin.Grains.Devices.Credentials;

internal sealed class DeviceCredentialsState
{
    public DeviceKind? Kind { get; set; }

    public byte[]? Salt { get; set; }

    /// <summary>HMAC-SHA-256 of the secret keyed with <see cref="Salt"/>.</summary>
    public byte[]? SecretHash { get; set; }

    public DateTimeOffset? RegisteredAt { get; set; }
}
