namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Whether a topic filter may be subscribed, and under which filter the endpoint actually subscribes it.</summary>
public readonly record struct MqttSubscriptionDecision(bool IsGranted, string? EffectiveFilter)
{
    public static MqttSubscriptionDecision Grant(string effectiveFilter) => new(true, effectiveFilter);

    public static MqttSubscriptionDecision Refuse() => new(false, null);
}
