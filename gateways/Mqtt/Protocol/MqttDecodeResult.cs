namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// The outcome of decoding one packet. Failures carry the v5 reason code to send (DISCONNECT, or CONNACK for a CONNECT)
/// and a constant, allocation-free description for logs.
/// </summary>
internal readonly record struct MqttDecodeResult(MqttDecodeStatus Status, MqttReasonCode ReasonCode, string? Detail)
{
    public static MqttDecodeResult Success => default;

    public bool IsSuccess => Status == MqttDecodeStatus.Success;

    internal static MqttDecodeResult Malformed(string detail) => new(MqttDecodeStatus.Malformed, MqttReasonCode.MalformedPacket, detail);

    internal static MqttDecodeResult ProtocolError(string detail) => new(MqttDecodeStatus.ProtocolError, MqttReasonCode.ProtocolError, detail);

    internal static MqttDecodeResult ProtocolError(MqttReasonCode reasonCode, string detail) => new(MqttDecodeStatus.ProtocolError, reasonCode, detail);

    internal static MqttDecodeResult Unsupported(string detail) =>
        new(MqttDecodeStatus.UnsupportedProtocolVersion, MqttReasonCode.UnsupportedProtocolVersion, detail);

    public override string ToString() => IsSuccess ? "Success" : $"{Status} 0x{(byte)ReasonCode:X2}: {Detail}";
}
