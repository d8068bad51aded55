using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Hand-built packets for the cases a correct writer never produces.</summary>
internal static class Raw
{
    /// <summary>First byte, Remaining Length, then the body parts concatenated.</summary>
    public static byte[] Packet(byte first, params byte[][] parts)
    {
        byte[] body = [.. parts.SelectMany(p => p)];
        var header = new byte[5];
        header[0] = first;
        int length = 1 + MqttVariableByteInteger.Write(header.AsSpan(1), body.Length);
        return [.. header[..length], .. body];
    }

    public static byte[] Str(string text) => Bin(System.Text.Encoding.UTF8.GetBytes(text));

    public static byte[] Bin(params byte[] bytes) => [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];

    public static byte[] U16(ushort value) => [(byte)(value >> 8), (byte)value];

    /// <summary>A property block: length then the given property bytes.</summary>
    public static byte[] Props(params byte[] properties)
    {
        var length = new byte[4];
        int size = MqttVariableByteInteger.Write(length, properties.Length);
        return [.. length[..size], .. properties];
    }

    public static MqttDecodeResult Decode(byte[] bytes, MqttProtocolVersion version, bool split = false)
    {
        MqttFrame frame = Wire.Frame(bytes, split);
        return frame.PacketType switch
        {
            MqttPacketType.Connect => MqttConnectPacket.TryDecode(frame, out _),
            MqttPacketType.ConnAck => MqttConnAckPacket.TryDecode(frame, version, out _),
            MqttPacketType.Publish => MqttPublishPacket.TryDecode(frame, version, out _),
            MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp =>
                MqttPublishAcknowledgementPacket.TryDecode(frame, version, out _),
            MqttPacketType.Subscribe => MqttSubscribePacket.TryDecode(frame, version, out _),
            MqttPacketType.SubAck => MqttSubAckPacket.TryDecode(frame, version, out _),
            MqttPacketType.Unsubscribe => MqttUnsubscribePacket.TryDecode(frame, version, out _),
            MqttPacketType.UnsubAck => MqttUnsubAckPacket.TryDecode(frame, version, out _),
            MqttPacketType.PingReq or MqttPacketType.PingResp => MqttPingPacket.TryDecode(frame),
            MqttPacketType.Disconnect => MqttDisconnectPacket.TryDecode(frame, version, out _),
            _ => MqttAuthPacket.TryDecode(frame, version, out _),
        };
    }
}
