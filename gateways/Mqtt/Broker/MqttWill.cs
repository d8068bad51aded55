using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>The Will of a connection as CONNECT gave it (MQTT 5.0 3.1.2.5, 3.1.3.2).</summary>
internal sealed record MqttWill(
    string Topic,
    byte[] Payload,
    MqttQualityOfService QualityOfService,
    bool Retain,
    uint DelaySeconds,
    MqttPublishMetadata Metadata);
