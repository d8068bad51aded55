namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Where a property block sits; each property is allowed in only some of them (5.0 Table 2-4).</summary>
[Flags]
internal enum MqttPropertyContext : ushort
{
    None = 0,
    Connect = 1 << 0,
    ConnAck = 1 << 1,
    Publish = 1 << 2,

    /// <summary>The Will Properties in the CONNECT payload.</summary>
    Will = 1 << 3,

    /// <summary>PUBACK, PUBREC, PUBREL and PUBCOMP.</summary>
    PublishAcknowledgement = 1 << 4,
    Subscribe = 1 << 5,
    SubAck = 1 << 6,
    Unsubscribe = 1 << 7,
    UnsubAck = 1 << 8,
    Disconnect = 1 << 9,
    Auth = 1 << 10,
}
