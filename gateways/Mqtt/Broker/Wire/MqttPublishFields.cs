using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>
/// The variable header of an inbound PUBLISH, decoded without allocating for the common case (no properties): the topic
/// is left as a byte range so the connection can reuse its cached topic string.
/// </summary>
internal struct MqttPublishFields
{
    public int TopicStart;
    public int TopicLength;
    public ushort PacketId;
    public int PayloadStart;
    public ushort TopicAlias;
    public bool HasTopicAlias;
    public byte? PayloadFormatIndicator;
    public uint? MessageExpiryInterval;
    public string? ContentType;
    public string? ResponseTopic;
    public byte[]? CorrelationData;
    public List<(string Name, string Value)>? UserProperties;

    public static void Parse(ReadOnlySpan<byte> body, MqttQualityOfService qos, bool isV5, out MqttPublishFields fields)
    {
        fields = default;
        var reader = new MqttWireReader(body);
        var topicLength = reader.ReadUInt16();
        fields.TopicStart = 2;
        fields.TopicLength = topicLength;
        reader.ReadBytes(topicLength);
        if (qos != MqttQualityOfService.AtMostOnce)
        {
            fields.PacketId = reader.ReadUInt16();
            if (fields.PacketId == 0)
            {
                throw new MqttMalformedPacketException("Packet identifier 0 (MQTT-2.2.1-3).");
            }
        }

        if (isV5)
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
                    case 0x01:
                        fields.PayloadFormatIndicator = properties.ReadByte();
                        if (fields.PayloadFormatIndicator > 1)
                        {
                            throw new MqttMalformedPacketException("Payload Format Indicator not 0 or 1.", MqttReasonCode.ProtocolError);
                        }

                        break;
                    case 0x02: fields.MessageExpiryInterval = properties.ReadUInt32(); break;
                    case 0x03: fields.ContentType = properties.ReadString(); break;
                    case 0x08:
                        fields.ResponseTopic = properties.ReadString();
                        if (!MqttTopicMatcher.IsValidTopicName(fields.ResponseTopic))
                        {
                            throw new MqttMalformedPacketException("Response Topic with wildcards (MQTT-3.3.2-14).", MqttReasonCode.ProtocolError);
                        }

                        break;
                    case 0x09: fields.CorrelationData = properties.ReadBinary().ToArray(); break;
                    case 0x23: fields.TopicAlias = properties.ReadUInt16(); fields.HasTopicAlias = true; break;
                    case 0x26: (fields.UserProperties ??= []).Add((properties.ReadString(), properties.ReadString())); break;
                    default:
                        // Includes Subscription Identifier, which a client must not send (MQTT-3.3.4-6).
                        throw new MqttMalformedPacketException($"Property 0x{id:X2} not allowed in PUBLISH.", MqttReasonCode.ProtocolError);
                }
            }
        }

        fields.PayloadStart = reader.Position;
    }
}
