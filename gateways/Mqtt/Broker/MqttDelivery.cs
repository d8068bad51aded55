using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>One routed message queued for one session, at the QoS and RETAIN flag that subscription gets.</summary>
internal readonly record struct MqttDelivery(MqttRoutedMessage Message, MqttQualityOfService QualityOfService, bool Retain);
