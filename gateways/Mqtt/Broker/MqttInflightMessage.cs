namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>An outbound QoS 1/2 message not yet fully acknowledged; kept in the session across reconnects (MQTT-4.4.0-1).</summary>
internal sealed class MqttInflightMessage(MqttDelivery delivery, long sequence)
{
    public MqttDelivery Delivery { get; } = delivery;

    /// <summary>Order of first sending, so resends keep the original order (MQTT-4.6.0-1).</summary>
    public long Sequence { get; } = sequence;

    /// <summary>QoS 2: PUBREC received and PUBREL sent; only PUBCOMP is awaited.</summary>
    public bool Released { get; set; }
}
