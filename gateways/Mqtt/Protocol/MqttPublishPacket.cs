using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded PUBLISH (3.1.1 3.3, 5.0 3.3): topic and payload are slices of the receive buffer.</summary>
internal readonly struct MqttPublishPacket
{
    /// <summary>Empty only in v5 when a Topic Alias stands in for it; resolving the alias is the connection's job.</summary>
    public ReadOnlySequence<byte> Topic { get; init; }

    /// <summary>0 for QoS 0.</summary>
    public ushort PacketIdentifier { get; init; }

    public MqttQualityOfService QualityOfService { get; init; }

    public bool Retain { get; init; }

    public bool Duplicate { get; init; }

    public MqttProperties Properties { get; init; }

    public ReadOnlySequence<byte> Payload { get; init; }

    public string GetTopic() => MqttUtf8.GetString(Topic);

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttPublishPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Publish)
        {
            return MqttDecodeResult.Malformed("not a PUBLISH");
        }

        byte flags = frame.Flags;
        int qos = (flags >> 1) & 0x03;
        if (qos == 3)
        {
            return MqttDecodeResult.Malformed("PUBLISH QoS 3");
        }

        bool duplicate = (flags & 0x08) != 0;
        if (qos == 0 && duplicate)
        {
            return MqttDecodeResult.ProtocolError("DUP set on a QoS 0 PUBLISH");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        if (!MqttBodyReader.TryReadString(ref reader, out ReadOnlySequence<byte> topic))
        {
            return MqttDecodeResult.Malformed("topic name missing or not valid UTF-8");
        }

        ushort packetIdentifier = 0;
        if (qos > 0)
        {
            MqttDecodeResult idResult = MqttBodyReader.TryReadPacketIdentifier(ref reader, out packetIdentifier);
            if (!idResult.IsSuccess)
            {
                return idResult;
            }
        }

        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500)
        {
            MqttDecodeResult propertiesResult = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Publish, out properties);
            if (!propertiesResult.IsSuccess)
            {
                return propertiesResult;
            }
        }

        if (topic.IsEmpty)
        {
            if (!properties.TopicAlias.HasValue)
            {
                return MqttDecodeResult.ProtocolError(
                    version == MqttProtocolVersion.V500 ? MqttReasonCode.ProtocolError : MqttReasonCode.TopicNameInvalid,
                    "empty topic name without topic alias");
            }
        }
        else if (!MqttTopic.IsValidName(topic))
        {
            return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicNameInvalid, "topic name with wildcards");
        }

        packet = new MqttPublishPacket
        {
            Topic = topic,
            PacketIdentifier = packetIdentifier,
            QualityOfService = (MqttQualityOfService)qos,
            Retain = (flags & 0x01) != 0,
            Duplicate = duplicate,
            Properties = properties,
            Payload = reader.UnreadSequence,
        };
        return MqttDecodeResult.Success;
    }
}
