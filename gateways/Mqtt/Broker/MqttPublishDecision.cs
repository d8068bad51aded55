using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// The policy's verdict on an inbound PUBLISH: the reason code for PUBACK/PUBREC and, when accepted, the topic under
/// which the endpoint routes the message to subscribers (and retains it, when the publish was retained).
/// </summary>
/// <param name="RouteTopic"><c>null</c>: accepted or refused, but not forwarded to anyone.</param>
/// <param name="Reason">A human-readable reason for a refusal; sent as the v5 Reason String and logged.</param>
public readonly record struct MqttPublishDecision(MqttReasonCode ReasonCode, string? RouteTopic, string? Reason = null)
{
    public bool IsAccepted => ReasonCode is MqttReasonCode.Success or MqttReasonCode.NoMatchingSubscribers;

    public static MqttPublishDecision Route(string topic) => new(MqttReasonCode.Success, topic);

    public static MqttPublishDecision AcceptWithoutRouting() => new(MqttReasonCode.Success, null);

    public static MqttPublishDecision Refuse(MqttReasonCode reasonCode, string reason) => new(reasonCode, null, reason);
}
