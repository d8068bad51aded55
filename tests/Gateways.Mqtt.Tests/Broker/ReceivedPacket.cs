using System.Buffers.Binary;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>A packet the test client read, with just enough decoding for assertions.</summary>
internal sealed record ReceivedPacket(MqttPacketType Type, byte Flags, byte[] Body, MqttProtocolVersion Version)
{
    public MqttQualityOfService QualityOfService => (MqttQualityOfService)((Flags >> 1) & 3);

    public bool Retain => (Flags & 1) != 0;

    public bool Duplicate => (Flags & 8) != 0;

    /// <summary>CONNACK return/reason code; DISCONNECT reason code; PUBACK-family reason code (0 when omitted).</summary>
    public byte ReasonCode => Type switch
    {
        MqttPacketType.ConnAck => Body[1],
        MqttPacketType.Disconnect => Body.Length > 0 ? Body[0] : (byte)0,
        _ => Body.Length > 2 ? Body[2] : (byte)0,
    };

    public bool SessionPresent => (Body[0] & 1) != 0;

    public ushort PacketId => Type == MqttPacketType.Publish
        ? BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(2 + TopicLength))
        : BinaryPrimitives.ReadUInt16BigEndian(Body);

    public string Topic => Encoding.UTF8.GetString(Body, 2, TopicLength);

    public string PayloadText => Encoding.UTF8.GetString(Payload);

    public byte[] Payload
    {
        get
        {
            var at = PublishPropertiesStart;
            if (Version == MqttProtocolVersion.V500)
            {
                var length = ReadVariableInteger(Body, ref at);
                at += length;
            }

            return Body[at..];
        }
    }

    /// <summary>SUBACK/UNSUBACK reason codes.</summary>
    public byte[] ReasonCodes
    {
        get
        {
            var at = 2;
            if (Version == MqttProtocolVersion.V500)
            {
                var length = ReadVariableInteger(Body, ref at);
                at += length;
            }

            return Body[at..];
        }
    }

    /// <summary>v5 properties of CONNACK or PUBLISH by identifier (User Properties are left out).</summary>
    public Dictionary<byte, object> Properties
    {
        get
        {
            var at = Type switch
            {
                MqttPacketType.ConnAck => 2,
                MqttPacketType.Publish => PublishPropertiesStart,
                MqttPacketType.Disconnect => 1,
                _ => 3,
            };
            var result = new Dictionary<byte, object>();
            if (at >= Body.Length)
            {
                return result;
            }

            var length = ReadVariableInteger(Body, ref at);
            var end = at + length;
            while (at < end)
            {
                var id = Body[at++];
                switch (id)
                {
                    case 0x01 or 0x17 or 0x19 or 0x24 or 0x25 or 0x28 or 0x29 or 0x2A:
                        result[id] = Body[at++];
                        break;
                    case 0x13 or 0x21 or 0x22 or 0x23:
                        result[id] = BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(at));
                        at += 2;
                        break;
                    case 0x02 or 0x11 or 0x18 or 0x27:
                        result[id] = BinaryPrimitives.ReadUInt32BigEndian(Body.AsSpan(at));
                        at += 4;
                        break;
                    case 0x0B:
                        result[id] = ReadVariableInteger(Body, ref at);
                        break;
                    case 0x09 or 0x16:
                        var binaryLength = BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(at));
                        result[id] = Body.AsSpan(at + 2, binaryLength).ToArray();
                        at += 2 + binaryLength;
                        break;
                    case 0x26:
                        at += 2 + BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(at));
                        at += 2 + BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(at));
                        break;
                    default:
                        var stringLength = BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(at));
                        result[id] = Encoding.UTF8.GetString(Body, at + 2, stringLength);
                        at += 2 + stringLength;
                        break;
                }
            }

            return result;
        }
    }

    private int TopicLength => BinaryPrimitives.ReadUInt16BigEndian(Body);

    private int PublishPropertiesStart => 2 + TopicLength + (QualityOfService == MqttQualityOfService.AtMostOnce ? 0 : 2);

    private static int ReadVariableInteger(byte[] body, ref int at)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = body[at++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return value;
    }
}
