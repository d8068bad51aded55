using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// The decoded MQTT 5.0 property block of one packet (5.0 2.2.2). Single-valued properties are optional fields;
/// strings and binary data are slices of the receive buffer (<see cref="MqttUtf8.GetString"/> turns one into a
/// string). User Properties and repeated Subscription Identifiers are not copied: enumerate them lazily from
/// <see cref="Raw"/>. <c>default</c> is an empty block, which is also what every 3.1.1 packet has.
/// </summary>
internal struct MqttProperties
{
    /// <summary>The property bytes after the Property Length, already validated.</summary>
    public ReadOnlySequence<byte> Raw { get; internal set; }

    public byte? PayloadFormatIndicator { get; internal set; }

    public uint? MessageExpiryInterval { get; internal set; }

    public ReadOnlySequence<byte>? ContentType { get; internal set; }

    public ReadOnlySequence<byte>? ResponseTopic { get; internal set; }

    public ReadOnlySequence<byte>? CorrelationData { get; internal set; }

    /// <summary>The first Subscription Identifier; a PUBLISH to a client may carry several (<see cref="GetSubscriptionIdentifiers"/>).</summary>
    public int? SubscriptionIdentifier { get; internal set; }

    public int SubscriptionIdentifierCount { get; internal set; }

    public uint? SessionExpiryInterval { get; internal set; }

    public ReadOnlySequence<byte>? AssignedClientIdentifier { get; internal set; }

    public ushort? ServerKeepAlive { get; internal set; }

    public ReadOnlySequence<byte>? AuthenticationMethod { get; internal set; }

    public ReadOnlySequence<byte>? AuthenticationData { get; internal set; }

    public byte? RequestProblemInformation { get; internal set; }

    public uint? WillDelayInterval { get; internal set; }

    public byte? RequestResponseInformation { get; internal set; }

    public ReadOnlySequence<byte>? ResponseInformation { get; internal set; }

    public ReadOnlySequence<byte>? ServerReference { get; internal set; }

    public ReadOnlySequence<byte>? ReasonString { get; internal set; }

    public ushort? ReceiveMaximum { get; internal set; }

    public ushort? TopicAliasMaximum { get; internal set; }

    public ushort? TopicAlias { get; internal set; }

    public byte? MaximumQoS { get; internal set; }

    public byte? RetainAvailable { get; internal set; }

    public int UserPropertyCount { get; internal set; }

    public uint? MaximumPacketSize { get; internal set; }

    public byte? WildcardSubscriptionAvailable { get; internal set; }

    public byte? SubscriptionIdentifierAvailable { get; internal set; }

    public byte? SharedSubscriptionAvailable { get; internal set; }

    public readonly bool IsEmpty => Raw.IsEmpty;

    /// <summary>The User Properties in the order sent, as slices; nothing is allocated.</summary>
    public readonly MqttUserPropertyEnumerator GetUserProperties() => new(Raw);

    /// <summary>Every Subscription Identifier in the order sent.</summary>
    public readonly MqttSubscriptionIdentifierEnumerator GetSubscriptionIdentifiers() => new(Raw);
}
