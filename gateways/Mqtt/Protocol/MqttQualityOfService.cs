namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The delivery guarantee of a PUBLISH, a Will or a subscription (3.1.1 4.3, 5.0 4.3); 3 is malformed on the wire.</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>QoS 0: fire and forget, no acknowledgement.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged by PUBACK; may be delivered twice.</summary>
    AtLeastOnce = 1,

    /// <summary>QoS 2: PUBREC, PUBREL, PUBCOMP hand-shake; delivered once.</summary>
    ExactlyOnce = 2,
}
