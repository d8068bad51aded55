using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>
/// The device policy of <see cref="TwinSinkAuthority"/>, counting its decisions. A QoS 1 message counts once the twin
/// has it; a QoS 0 message once it is on its way to the twin, with at most 64 per connection not yet applied.
/// </summary>
internal sealed class TwinSinkPolicy(IMqttClientPolicy device, MessageCounter applied, MessageCounter refused) : IMqttClientPolicy
{
    public string Identity => device.Identity;

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter) => device.AuthorizeSubscription(topicFilter);

    public string OutgoingTopic(string routedTopic) => device.OutgoingTopic(routedTopic);

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        var pending = device.AuthorizePublishAsync(publish, cancellationToken);
        return pending.IsCompletedSuccessfully ? ValueTask.FromResult(Count(pending.Result)) : AwaitAsync(pending);
    }

    public void OnConnectionClosed(MqttConnectionCloseReason reason) => device.OnConnectionClosed(reason);

    private async ValueTask<MqttPublishDecision> AwaitAsync(ValueTask<MqttPublishDecision> pending) => Count(await pending);

    private MqttPublishDecision Count(MqttPublishDecision decision)
    {
        (decision.IsAccepted ? applied : refused).Increment();
        return decision;
    }
}
