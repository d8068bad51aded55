using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// A message accepted for routing, shared by every session it is delivered to (the payload is copied once, not per
/// subscriber). Immutable once built.
/// </summary>
internal sealed class MqttRoutedMessage
{
    public required string Topic { get; init; }

    public required ReadOnlyMemory<byte> Payload { get; init; }

    public required MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    public byte? PayloadFormatIndicator { get; init; }

    public string? ContentType { get; init; }

    public string? ResponseTopic { get; init; }

    public byte[]? CorrelationData { get; init; }

    /// <summary>v5 User Properties, forwarded unaltered and in order (MQTT-3.3.2-17/18).</summary>
    public MqttUserProperty[]? UserProperties { get; init; }

    /// <summary>When the message expires, as a <see cref="TimeProvider.GetTimestamp"/> value; null never.</summary>
    public long? ExpiresAtTimestamp { get; init; }

    /// <summary>The session that published it, for v5 No Local; null for the server's own messages.</summary>
    public MqttSession? Publisher { get; init; }
}
