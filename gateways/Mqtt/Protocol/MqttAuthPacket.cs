using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded AUTH (5.0 3.15); a 3.1.1 connection has no AUTH, so packet type 15 there is malformed.</summary>
internal readonly struct MqttAuthPacket
{
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; }

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttAuthPacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Auth || version != MqttProtocolVersion.V500)
        {
            return MqttDecodeResult.Malformed("AUTH outside MQTT 5.0");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        var reasonCode = MqttReasonCode.Success;
        MqttProperties properties = default;
        if (reader.TryRead(out byte code))
        {
            reasonCode = (MqttReasonCode)code;
            if (reasonCode is not (MqttReasonCode.Success or MqttReasonCode.ContinueAuthentication or MqttReasonCode.ReAuthenticate))
            {
                return MqttDecodeResult.Malformed("AUTH reason code not defined");
            }

            if (!reader.End)
            {
                MqttDecodeResult result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Auth, out properties);
                if (!result.IsSuccess)
                {
                    return result;
                }
            }
        }

        if (!reader.End)
        {
            return MqttDecodeResult.Malformed("bytes after AUTH");
        }

        packet = new MqttAuthPacket { ReasonCode = reasonCode, Properties = properties };
        return MqttDecodeResult.Success;
    }
}
