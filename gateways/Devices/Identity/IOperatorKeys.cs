namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>API keys that let operators and services watch the device topics read-only (the silo's admin key today).</summary>
internal interface IOperatorKeys
{
    /// <summary>Constant-time check of an MQTT password.</summary>
    bool IsOperatorKey(ReadOnlySpan<byte> password);
}
