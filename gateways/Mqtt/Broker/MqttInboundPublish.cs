using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// A PUBLISH (or a Will) as the client sent it, after topic-alias resolution. A ref-free struct over the receive buffer:
/// <see cref="Payload"/> is valid only during <see cref="IMqttClientPolicy.AuthorizePublishAsync"/>.
/// </summary>
public readonly record struct MqttInboundPublish(
    string Topic,
    ReadOnlySequence<byte> Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    bool IsWill,
    DateTimeOffset ReceivedAt,
    string? ResponseTopic = null,
    ReadOnlyMemory<byte> CorrelationData = default,
    string? ContentType = null);
