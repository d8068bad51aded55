namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The verdict of a packet decoder. Anything but <see cref="Success"/> ends the connection (v5: after DISCONNECT or CONNACK with the reason code).</summary>
internal enum MqttDecodeStatus : byte
{
    Success,

    /// <summary>The bytes do not follow the packet's grammar (v5 reason code 0x81).</summary>
    Malformed,

    /// <summary>The bytes parse but break a rule of the protocol; the result's reason code says which (0x82, 0x8F, 0x90...).</summary>
    ProtocolError,

    /// <summary>CONNECT with a protocol name or level this endpoint does not speak: answer CONNACK 0x01 (3.1.1) or 0x84 (v5), then close.</summary>
    UnsupportedProtocolVersion,
}
