using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>The authority's answer to a CONNECT.</summary>
public readonly record struct MqttConnectOutcome(MqttReasonCode ReasonCode, IMqttClientPolicy? Policy)
{
    public bool IsAccepted => ReasonCode == MqttReasonCode.Success && Policy is not null;

    public static MqttConnectOutcome Accept(IMqttClientPolicy policy) => new(MqttReasonCode.Success, policy);

    /// <summary>Refuses the connection; 3.1.1 clients get the nearest CONNACK return code (e.g. 0x87 → 5 "not authorized").</summary>
    public static MqttConnectOutcome Refuse(MqttReasonCode reasonCode) => new(reasonCode, null);
}
