namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>What a queued <see cref="MqttControlPacket"/> makes the writer do.</summary>
internal enum MqttControlPacketKind : byte
{
    /// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP (the header byte says which).</summary>
    Acknowledgement,
    SubscribeAcknowledgement,
    UnsubscribeAcknowledgement,
    PingResponse,

    /// <summary>v5 DISCONNECT from the server; the writer closes the connection after flushing it.</summary>
    Disconnect,

    /// <summary>Retained messages for a new subscription, queued behind its SUBACK so they never overtake it.</summary>
    RetainedDeliveries,
}
