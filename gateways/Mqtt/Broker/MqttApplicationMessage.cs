using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>A message the silo itself publishes to subscribers (commands and desired properties down to devices).</summary>
public sealed record MqttApplicationMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtLeastOnce,
    bool Retain = false,
    string? ResponseTopic = null,
    ReadOnlyMemory<byte> CorrelationData = default,
    string? ContentType = null,
    TimeSpan? MessageExpiryInterval = null);
