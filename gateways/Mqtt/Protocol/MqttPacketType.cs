namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The control packet type in the high nibble of the first fixed-header byte (MQTT 3.1.1 2.2.1, 5.0 2.1.2).</summary>
internal enum MqttPacketType : byte
{
    /// <summary>Forbidden in both versions; a frame with it is malformed.</summary>
    Reserved = 0,
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,

    /// <summary>MQTT 5.0 only; reserved (and therefore malformed) in 3.1.1.</summary>
    Auth = 15,
}
