namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>The API's keys as the MQTT endpoint sees them: what an API key presented as an MQTT password may do.</summary>
internal interface IOperatorKeys
{
    /// <summary>
    /// Constant-time check of an MQTT password against the admin key and the issued keys; <see cref="KeyAccess.None"/>
    /// when it is not a valid key (a device's secret, say). Completes synchronously once the keys are loaded: it runs
    /// on every CONNECT that has a password.
    /// </summary>
    ValueTask<KeyAccess> CheckAsync(ReadOnlyMemory<byte> password, CancellationToken cancellationToken);
}
