using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded DISCONNECT (3.1.1 3.14: empty; 5.0 3.14: optional reason code and properties).</summary>
internal readonly struct MqttDisconnectPacket
{
    /// <summary>NormalDisconnection (0x00, shown as <see cref="MqttReasonCode.Success"/>) when absent.</summary>
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttDisconnectPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Disconnect)
        {
            return MqttDecodeResult.Malformed("not a DISCONNECT");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        var reasonCode = MqttReasonCode.Success;
        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500 && reader.TryRead(out byte code))
        {
            reasonCode = (MqttReasonCode)code;
            if (!IsAllowed(reasonCode))
            {
                return MqttDecodeResult.Malformed("DISCONNECT reason code not defined");
            }

            if (!reader.End)
            {
                MqttDecodeResult result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Disconnect, out properties);
                if (!result.IsSuccess)
                {
                    return result;
                }
            }
        }

        if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after DISCONNECT");
        }

        packet = new MqttDisconnectPacket { ReasonCode = reasonCode, Properties = properties };
        return MqttDecodeResult.Success;
    }

    /// <summary>The DISCONNECT reason codes of 5.0 3.14.2.1.</summary>
    internal static bool IsAllowed(MqttReasonCode code) => code is MqttReasonCode.Success or MqttReasonCode.DisconnectWithWillMessage
        or MqttReasonCode.UnspecifiedError or MqttReasonCode.MalformedPacket or MqttReasonCode.ProtocolError
        or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.NotAuthorized or MqttReasonCode.ServerBusy
        or MqttReasonCode.ServerShuttingDown or MqttReasonCode.KeepAliveTimeout or MqttReasonCode.SessionTakenOver
        or MqttReasonCode.TopicFilterInvalid or MqttReasonCode.TopicNameInvalid
        or (>= MqttReasonCode.ReceiveMaximumExceeded and <= MqttReasonCode.WildcardSubscriptionsNotSupported);
}
