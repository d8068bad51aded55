using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The per-connection side of <see cref="PermissiveAuthority"/>.</summary>
internal sealed class CountingPolicy(string identity, MessageCounter applied, bool route) : IMqttClientPolicy
{
    public string Identity => identity;

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter) => MqttSubscriptionDecision.Grant(topicFilter);

    public string OutgoingTopic(string routedTopic) => routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        applied.Increment();
        return ValueTask.FromResult(route ? MqttPublishDecision.Route(publish.Topic) : MqttPublishDecision.AcceptWithoutRouting());
    }

    public void OnConnectionClosed(MqttConnectionCloseReason reason)
    {
    }
}
