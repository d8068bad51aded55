using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded PUBACK, PUBREC, PUBREL or PUBCOMP: they share one layout (3.1.1 3.4–3.7, 5.0 3.4–3.7).</summary>
internal readonly struct MqttPublishAcknowledgementPacket
{
    public MqttPacketType PacketType { get; init; }

    public ushort PacketIdentifier { get; init; }

    /// <summary>Always Success in 3.1.1; in v5 Success when the packet ends after the identifier.</summary>
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttPublishAcknowledgementPacket packet)
    {
        packet = default;
        MqttPacketType type = frame.PacketType;
        if (type is not (MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp))
        {
            return MqttDecodeResult.Malformed("not PUBACK, PUBREC, PUBREL or PUBCOMP");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        MqttDecodeResult idResult = MqttBodyReader.TryReadPacketIdentifier(ref reader, out ushort packetIdentifier);
        if (!idResult.IsSuccess)
        {
            return idResult;
        }

        var reasonCode = MqttReasonCode.Success;
        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500 && reader.TryRead(out byte code))
        {
            reasonCode = (MqttReasonCode)code;
            if (!IsAllowed(type, reasonCode))
            {
                return MqttDecodeResult.Malformed("reason code not defined for this packet");
            }

            if (!reader.End)
            {
                MqttDecodeResult propertiesResult =
                    MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.PublishAcknowledgement, out properties);
                if (!propertiesResult.IsSuccess)
                {
                    return propertiesResult;
                }
            }
        }

        if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after the acknowledgement");
        }

        packet = new MqttPublishAcknowledgementPacket
        {
            PacketType = type, PacketIdentifier = packetIdentifier, ReasonCode = reasonCode, Properties = properties,
        };
        return MqttDecodeResult.Success;
    }

    internal static bool IsAllowed(MqttPacketType type, MqttReasonCode code) => type is MqttPacketType.PubRel or MqttPacketType.PubComp
        ? code is MqttReasonCode.Success or MqttReasonCode.PacketIdentifierNotFound
        : code is MqttReasonCode.Success or MqttReasonCode.NoMatchingSubscribers or MqttReasonCode.UnspecifiedError
            or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.NotAuthorized or MqttReasonCode.TopicNameInvalid
            or MqttReasonCode.PacketIdentifierInUse or MqttReasonCode.QuotaExceeded or MqttReasonCode.PayloadFormatInvalid;
}
