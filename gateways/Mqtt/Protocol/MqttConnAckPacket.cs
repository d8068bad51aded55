using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded CONNACK (3.1.1 3.2, 5.0 3.2).</summary>
internal readonly struct MqttConnAckPacket
{
    public bool SessionPresent { get; init; }

    /// <summary>The v5 reason code; a 3.1.1 return code is mapped onto it (see <see cref="FromVersion311ReturnCode"/>).</summary>
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttConnAckPacket packet)
    {
        packet = default;
        var reader = new SequenceReader<byte>(frame.Body);
        if (frame.PacketType != MqttPacketType.ConnAck || !reader.TryRead(out byte flags) || !reader.TryRead(out byte code))
        {
            return MqttDecodeResult.Malformed("CONNACK shorter than 2 bytes");
        }

        if ((flags & 0xFE) != 0)
        {
            return MqttDecodeResult.Malformed("connect acknowledge flags reserved bits set");
        }

        MqttProperties properties = default;
        MqttReasonCode reasonCode;
        if (version == MqttProtocolVersion.V500)
        {
            reasonCode = (MqttReasonCode)code;
            if (!IsConnAckReasonCode(reasonCode))
            {
                return MqttDecodeResult.Malformed("CONNACK reason code not defined");
            }

            MqttDecodeResult result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.ConnAck, out properties);
            if (!result.IsSuccess)
            {
                return result;
            }
        }
        else
        {
            if (code > 5)
            {
                return MqttDecodeResult.Malformed("CONNACK return code above 5");
            }

            reasonCode = FromVersion311ReturnCode(code);
        }

        if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after CONNACK");
        }

        if (reasonCode != MqttReasonCode.Success && (flags & 0x01) != 0)
        {
            return MqttDecodeResult.ProtocolError("session present with a failure code");
        }

        packet = new MqttConnAckPacket { SessionPresent = (flags & 0x01) != 0, ReasonCode = reasonCode, Properties = properties };
        return MqttDecodeResult.Success;
    }

    /// <summary>The 3.1.1 return code nearest to a v5 reason code (3.1.1 Table 3.1); anything else says "server unavailable".</summary>
    public static byte ToVersion311ReturnCode(MqttReasonCode reasonCode) => reasonCode switch
    {
        MqttReasonCode.Success => 0,
        MqttReasonCode.UnsupportedProtocolVersion => 1,
        MqttReasonCode.ClientIdentifierNotValid => 2,
        MqttReasonCode.BadUserNameOrPassword or MqttReasonCode.BadAuthenticationMethod => 4,
        MqttReasonCode.NotAuthorized or MqttReasonCode.Banned => 5,
        _ => 3,
    };

    public static MqttReasonCode FromVersion311ReturnCode(byte returnCode) => returnCode switch
    {
        0 => MqttReasonCode.Success,
        1 => MqttReasonCode.UnsupportedProtocolVersion,
        2 => MqttReasonCode.ClientIdentifierNotValid,
        3 => MqttReasonCode.ServerUnavailable,
        4 => MqttReasonCode.BadUserNameOrPassword,
        _ => MqttReasonCode.NotAuthorized,
    };

    internal static bool IsConnAckReasonCode(MqttReasonCode code) => code switch
    {
        MqttReasonCode.Success or MqttReasonCode.UnspecifiedError or MqttReasonCode.MalformedPacket or MqttReasonCode.ProtocolError
            or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.UnsupportedProtocolVersion
            or MqttReasonCode.ClientIdentifierNotValid or MqttReasonCode.BadUserNameOrPassword or MqttReasonCode.NotAuthorized
            or MqttReasonCode.ServerUnavailable or MqttReasonCode.ServerBusy or MqttReasonCode.Banned
            or MqttReasonCode.BadAuthenticationMethod or MqttReasonCode.TopicNameInvalid or MqttReasonCode.PacketTooLarge
            or MqttReasonCode.QuotaExceeded or MqttReasonCode.PayloadFormatInvalid or MqttReasonCode.RetainNotSupported
            or MqttReasonCode.QoSNotSupported or MqttReasonCode.UseAnotherServer or MqttReasonCode.ServerMoved
            or MqttReasonCode.ConnectionRateExceeded => true,
        _ => false,
    };
}
