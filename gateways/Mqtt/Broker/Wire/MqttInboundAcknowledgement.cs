using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP from the client: packet identifier and (v5) reason code; properties are skipped.</summary>
internal readonly record struct MqttInboundAcknowledgement(ushort PacketId, MqttReasonCode ReasonCode)
{
    public static MqttInboundAcknowledgement Parse(ReadOnlySpan<byte> body, bool isV5)
    {
        var reader = new MqttWireReader(body);
        var packetId = reader.ReadUInt16();
        if (packetId == 0)
        {
            throw new MqttMalformedPacketException("Packet identifier 0 (MQTT-2.2.1-3).");
        }

        var reasonCode = MqttReasonCode.Success;
        if (!isV5)
        {
            if (reader.Remaining != 0)
            {
                throw new MqttMalformedPacketException("Acknowledgement longer than 2 bytes.");
            }
        }
        else if (reader.Remaining > 0)
        {
            reasonCode = (MqttReasonCode)reader.ReadByte();
            if (reader.Remaining > 0)
            {
                reader.ReadBytes(reader.ReadVariableInteger());
            }
        }

        return new MqttInboundAcknowledgement(packetId, reasonCode);
    }
}
