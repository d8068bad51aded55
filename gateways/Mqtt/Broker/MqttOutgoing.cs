namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>What a connection's writer takes from its session in one batch: a PUBLISH (maybe a resend) or a PUBREL resend.</summary>
internal readonly record struct MqttOutgoing(MqttDelivery Delivery, ushort PacketId, bool Duplicate, bool IsRelease);
