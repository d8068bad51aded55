namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// MQTT 5.0 properties to encode; <c>default</c> sends none. The writer encodes each set property in identifier order
/// and ignores the whole set for 3.1.1. A server honouring the client's Maximum Packet Size measures with and without
/// <see cref="ReasonString"/> and <see cref="UserProperties"/> (MQTT-3.1.2-25) and drops them when the packet is too large.
/// </summary>
internal readonly record struct MqttOutboundProperties
{
    public byte? PayloadFormatIndicator { get; init; }

    public uint? MessageExpiryInterval { get; init; }

    public string? ContentType { get; init; }

    public string? ResponseTopic { get; init; }

    /// <summary>Empty means absent: zero-length correlation data carries nothing, and a nullable here would turn a null array into an empty value silently.</summary>
    public ReadOnlyMemory<byte> CorrelationData { get; init; }

    /// <summary>One for SUBSCRIBE; one per matching subscription for a PUBLISH to a client. Each 1..268,435,455.</summary>
    public ReadOnlyMemory<int> SubscriptionIdentifiers { get; init; }

    public uint? SessionExpiryInterval { get; init; }

    public string? AssignedClientIdentifier { get; init; }

    public ushort? ServerKeepAlive { get; init; }

    public string? AuthenticationMethod { get; init; }

    /// <summary>Empty means absent.</summary>
    public ReadOnlyMemory<byte> AuthenticationData { get; init; }

    public byte? RequestProblemInformation { get; init; }

    public uint? WillDelayInterval { get; init; }

    public byte? RequestResponseInformation { get; init; }

    public string? ResponseInformation { get; init; }

    public string? ServerReference { get; init; }

    public string? ReasonString { get; init; }

    public ushort? ReceiveMaximum { get; init; }

    public ushort? TopicAliasMaximum { get; init; }

    public ushort? TopicAlias { get; init; }

    public byte? MaximumQoS { get; init; }

    public byte? RetainAvailable { get; init; }

    public ReadOnlyMemory<MqttUserProperty> UserProperties { get; init; }

    public uint? MaximumPacketSize { get; init; }

    public byte? WildcardSubscriptionAvailable { get; init; }

    public byte? SubscriptionIdentifierAvailable { get; init; }

    public byte? SharedSubscriptionAvailable { get; init; }
}
