namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A CONNECT to encode (3.1.1 3.1, 5.0 3.1).</summary>
/// <param name="CleanStart">Clean Session in 3.1.1.</param>
/// <param name="KeepAlive">Seconds; 0 turns keep-alive off.</param>
internal readonly record struct MqttOutboundConnect(MqttProtocolVersion Version, string ClientIdentifier, bool CleanStart = true, ushort KeepAlive = 60)
{
    public string? UserName { get; init; }

    /// <summary>
    /// <c>null</c> sends no password; an empty value sends an empty one. Beware <c>cond ? bytes : null</c>: C# types it as
    /// a non-null empty memory, so write <c>(ReadOnlyMemory&lt;byte&gt;?)null</c>.
    /// </summary>
    public ReadOnlyMemory<byte>? Password { get; init; }

    public MqttOutboundWill? Will { get; init; }

    public MqttOutboundProperties Properties { get; init; }
}
