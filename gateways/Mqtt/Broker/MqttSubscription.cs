using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>One granted subscription of a session, as stored in the subscription trie.</summary>
/// <param name="Filter">The effective filter (after the policy's rewrite) the trie holds.</param>
/// <param name="NoLocal">v5: never deliver the session's own publishes back to it (MQTT-3.8.3-3).</param>
/// <param name="RetainAsPublished">v5: keep the RETAIN flag of routed messages instead of clearing it (MQTT-3.3.1-12/13).</param>
/// <param name="RetainHandling">v5: 0 send retained on subscribe, 1 only for a new subscription, 2 never.</param>
internal sealed record MqttSubscription(
    MqttSession Session,
    string Filter,
    MqttQualityOfService QualityOfService,
    bool NoLocal,
    bool RetainAsPublished,
    byte RetainHandling);
