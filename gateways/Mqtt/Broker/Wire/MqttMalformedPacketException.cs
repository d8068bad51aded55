namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>A packet broke the encoding rules; the connection is closed (v5: DISCONNECT with <see cref="ReasonCode"/> first).</summary>
internal sealed class MqttMalformedPacketException(string message, Protocol.MqttReasonCode reasonCode = Protocol.MqttReasonCode.MalformedPacket)
    : Exception(message)
{
    public Protocol.MqttReasonCode ReasonCode { get; } = reasonCode;
}
