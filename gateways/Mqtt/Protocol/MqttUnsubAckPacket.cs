using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded UNSUBACK (3.1.1 3.11: identifier only; 5.0 3.11: plus properties and one reason code per filter).</summary>
internal readonly struct MqttUnsubAckPacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    /// <summary>Empty in 3.1.1.</summary>
    public ReadOnlySequence<byte> ReasonCodes { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttUnsubAckPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.UnsubAck)
        {
            return MqttDecodeResult.Malformed("not an UNSUBACK");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        MqttDecodeResult result = MqttBodyReader.TryReadPacketIdentifier(ref reader, out ushort packetIdentifier);
        if (!result.IsSuccess)
        {
            return result;
        }

        MqttProperties properties = default;
        ReadOnlySequence<byte> codes = default;
        if (version == MqttProtocolVersion.V500)
        {
            result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.UnsubAck, out properties);
            if (!result.IsSuccess)
            {
                return result;
            }

            codes = reader.UnreadSequence;
            if (codes.IsEmpty)
            {
                return MqttDecodeResult.ProtocolError("UNSUBACK without reason codes");
            }

            while (reader.TryRead(out byte code))
            {
                if ((MqttReasonCode)code is not (MqttReasonCode.Success or MqttReasonCode.NoSubscriptionExisted
                    or MqttReasonCode.UnspecifiedError or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.NotAuthorized
                    or MqttReasonCode.TopicFilterInvalid or MqttReasonCode.PacketIdentifierInUse))
                {
                    return MqttDecodeResult.Malformed("UNSUBACK reason code not defined");
                }
            }
        }
        else if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after the UNSUBACK packet identifier");
        }

        packet = new MqttUnsubAckPacket { PacketIdentifier = packetIdentifier, Properties = properties, ReasonCodes = codes };
        return MqttDecodeResult.Success;
    }
}
