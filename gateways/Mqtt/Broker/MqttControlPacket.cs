using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// A packet the receive loop (or the endpoint) wants written, in order, by the connection's single writer. A struct so
/// acknowledgements on the hot path queue without allocating.
/// </summary>
internal readonly record struct MqttControlPacket(
    MqttControlPacketKind Kind,
    byte HeaderByte = 0,
    ushort PacketId = 0,
    MqttReasonCode ReasonCode = MqttReasonCode.Success,
    string? ReasonString = null,
    byte[]? ReasonCodes = null,
    List<MqttDelivery>? Deliveries = null);
