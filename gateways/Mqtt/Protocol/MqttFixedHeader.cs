namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The fixed header of one control packet as read off the wire.</summary>
/// <param name="Flags">The low nibble of the first byte; only PUBLISH gives it meaning (DUP, QoS, RETAIN).</param>
/// <param name="RemainingLength">Bytes after the fixed header: variable header plus payload.</param>
/// <param name="HeaderLength">1 + the 1–4 bytes of the Remaining Length.</param>
internal readonly record struct MqttFixedHeader(MqttPacketType PacketType, byte Flags, int RemainingLength, int HeaderLength)
{
    /// <summary>The whole packet: fixed header plus Remaining Length.</summary>
    public int PacketLength => HeaderLength + RemainingLength;
}
