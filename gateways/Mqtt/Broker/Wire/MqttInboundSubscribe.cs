namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>A decoded SUBSCRIBE (MQTT 5.0 3.8) or UNSUBSCRIBE (3.10): packet identifier, filters and their option bytes.</summary>
internal sealed class MqttInboundSubscribe
{
    public ushort PacketId { get; private set; }

    public List<(string Filter, byte Options)> Filters { get; } = [];

    public bool HasSubscriptionIdentifier { get; private set; }

    public static MqttInboundSubscribe Parse(ReadOnlySpan<byte> body, bool isV5, bool isSubscribe)
    {
        var packet = new MqttInboundSubscribe();
        var reader = new MqttWireReader(body);
        packet.PacketId = reader.ReadUInt16();
        if (packet.PacketId == 0)
        {
            throw new MqttMalformedPacketException("Packet identifier 0 (MQTT-2.2.1-3).");
        }

        if (isV5)
        {
            var properties = new MqttWireReader(reader.ReadBytes(reader.ReadVariableInteger()));
            while (properties.Remaining > 0)
            {
                var id = properties.ReadByte();
                switch (id)
                {
                    case 0x0B when isSubscribe:
                        if (packet.HasSubscriptionIdentifier || properties.ReadVariableInteger() == 0)
                        {
                            throw new MqttMalformedPacketException("Subscription Identifier repeated or 0.", Protocol.MqttReasonCode.ProtocolError);
                        }

                        packet.HasSubscriptionIdentifier = true;
                        break;
                    case 0x26: properties.ReadString(); properties.ReadString(); break;
                    default: throw new MqttMalformedPacketException($"Property 0x{id:X2} not allowed in SUBSCRIBE/UNSUBSCRIBE.", Protocol.MqttReasonCode.ProtocolError);
                }
            }
        }

        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString();
            byte options = 0;
            if (isSubscribe)
            {
                options = reader.ReadByte();
                // 3.1.1: bits 2-7 reserved (MQTT-3.8.3-4). v5: bits 6-7 reserved, Retain Handling 3 and QoS 3 invalid (MQTT-3.8.3-5).
                if ((options & 0x03) == 3 || (isV5 ? (options & 0xC0) != 0 || ((options >> 4) & 0x03) == 3 : (options & 0xFC) != 0))
                {
                    throw new MqttMalformedPacketException("Invalid subscription options.");
                }
            }

            packet.Filters.Add((filter, options));
        }

        if (packet.Filters.Count == 0)
        {
            // MQTT-3.8.3-3, MQTT-3.10.3-2.
            throw new MqttMalformedPacketException("SUBSCRIBE/UNSUBSCRIBE without a topic filter.", Protocol.MqttReasonCode.ProtocolError);
        }

        return packet;
    }
}
