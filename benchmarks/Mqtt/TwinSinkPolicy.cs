using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The per-connection side of <see cref="TwinSinkAuthority"/>.</summary>
internal sealed class TwinSinkPolicy(string identity, IDeviceMessageSink sink, MessageCounter applied, MessageCounter refused) : IMqttClientPolicy
{
    public string Identity => identity;

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter) => MqttSubscriptionDecision.Grant(topicFilter);

    public string OutgoingTopic(string routedTopic) => routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        // QoS 0 is applied as QoS 1 is, awaiting the twin: the endpoint calls the policy from the connection's receive
        // loop, so a busy twin slows the socket (backpressure through TCP). The sink's own QoS 0 path does not wait,
        // and a flood faster than the twins then queues in grain mailboxes without bound (docs/performance.md).
        var pending = sink.ApplyAsync(publish.Topic, publish.Payload, publish.ReceivedAt, cancellationToken, MqttQualityOfService.AtLeastOnce);
        if (pending.IsCompletedSuccessfully)
        {
            return ValueTask.FromResult(Count(pending.Result));
        }

        return AwaitAsync(pending);
    }

    public void OnConnectionClosed(MqttConnectionCloseReason reason)
    {
    }

    private async ValueTask<MqttPublishDecision> AwaitAsync(ValueTask<MqttPublishDecision> pending) => Count(await pending);

    private MqttPublishDecision Count(MqttPublishDecision decision)
    {
        (decision.IsAccepted ? applied : refused).Increment();
        return decision;
    }
}
