using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>A client's DISCONNECT: v5 reason code and Session Expiry Interval (when it changes it).</summary>
internal readonly record struct MqttInboundDisconnect(MqttReasonCode ReasonCode, uint? SessionExpiryInterval)
{
    public static MqttInboundDisconnect Parse(ReadOnlySpan<byte> body, bool isV5)
    {
        if (!isV5)
        {
            if (!body.IsEmpty)
            {
                throw new MqttMalformedPacketException("3.1.1 DISCONNECT with a body.");
            }

            return new MqttInboundDisconnect(MqttReasonCode.Success, null);
        }

        var reader = new MqttWireReader(body);
        var reasonCode = reader.Remaining > 0 ? (MqttReasonCode)reader.ReadByte() : MqttReasonCode.Success;
        uint? expiry = null;
        if (reader.Remaining > 0)
        {
            var properties = new MqttWireReader(reader.ReadBytes(reader.ReadVariableInteger()));
            var seen = 0UL;
            while (properties.Remaining > 0)
            {
                var id = properties.ReadByte();
                if (id != MqttWireWriter.PropertyUserProperty)
                {
                    MqttInboundConnect.MarkOnce(ref seen, id);
                }

                switch (id)
                {
                    case 0x11: expiry = properties.ReadUInt32(); break;
                    case 0x1F: properties.ReadString(); break;
                    case 0x1C: properties.ReadString(); break;
                    case 0x26: properties.ReadString(); properties.ReadString(); break;
                    default: throw new MqttMalformedPacketException($"Property 0x{id:X2} not allowed in DISCONNECT.", MqttReasonCode.ProtocolError);
                }
            }
        }

        if (reader.Remaining != 0)
        {
            throw new MqttMalformedPacketException("Bytes after the DISCONNECT properties.");
        }

        return new MqttInboundDisconnect(reasonCode, expiry);
    }
}
