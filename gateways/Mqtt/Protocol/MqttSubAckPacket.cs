using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded SUBACK (3.1.1 3.9, 5.0 3.9): one reason code byte per filter, in order (3.1.1 return codes are the same bytes).</summary>
internal readonly struct MqttSubAckPacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    /// <summary>The reason codes, one <see cref="MqttReasonCode"/> byte each.</summary>
    public ReadOnlySequence<byte> ReasonCodes { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttSubAckPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.SubAck)
        {
            return MqttDecodeResult.Malformed("not a SUBACK");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        MqttDecodeResult result = MqttBodyReader.TryReadPacketIdentifier(ref reader, out ushort packetIdentifier);
        if (!result.IsSuccess)
        {
            return result;
        }

        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500)
        {
            result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.SubAck, out properties);
            if (!result.IsSuccess)
            {
                return result;
            }
        }

        ReadOnlySequence<byte> codes = reader.UnreadSequence;
        if (codes.IsEmpty)
        {
            return MqttDecodeResult.ProtocolError("SUBACK without reason codes");
        }

        while (reader.TryRead(out byte code))
        {
            if (!IsAllowed((MqttReasonCode)code, version))
            {
                return MqttDecodeResult.Malformed("SUBACK reason code not defined");
            }
        }

        packet = new MqttSubAckPacket { PacketIdentifier = packetIdentifier, Properties = properties, ReasonCodes = codes };
        return MqttDecodeResult.Success;
    }

    internal static bool IsAllowed(MqttReasonCode code, MqttProtocolVersion version) => version == MqttProtocolVersion.V500
        ? code is MqttReasonCode.Success or MqttReasonCode.GrantedQoS1 or MqttReasonCode.GrantedQoS2 or MqttReasonCode.UnspecifiedError
            or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.NotAuthorized or MqttReasonCode.TopicFilterInvalid
            or MqttReasonCode.PacketIdentifierInUse or MqttReasonCode.QuotaExceeded or MqttReasonCode.SharedSubscriptionsNotSupported
            or MqttReasonCode.SubscriptionIdentifiersNotSupported or MqttReasonCode.WildcardSubscriptionsNotSupported
        : code is MqttReasonCode.Success or MqttReasonCode.GrantedQoS1 or MqttReasonCode.GrantedQoS2 or MqttReasonCode.UnspecifiedError;
}
