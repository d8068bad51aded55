namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>PINGREQ and PINGRESP (3.1.1 3.12–3.13, 5.0 3.12–3.13): a fixed header and nothing else.</summary>
internal static class MqttPingPacket
{
    public static MqttDecodeResult TryDecode(in MqttFrame frame) =>
        frame.PacketType is MqttPacketType.PingReq or MqttPacketType.PingResp && frame.Header.RemainingLength == 0
            ? MqttDecodeResult.Success
            : MqttDecodeResult.Malformed("PINGREQ/PINGRESP with a body");
}
