using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

internal sealed class TestPolicy(TestAuthority authority, string clientId) : IMqttClientPolicy
{
    private string DevicePrefix => $"devices/{clientId}/";

    public string Identity => clientId;

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter)
    {
        if (topicFilter.StartsWith("forbidden/", StringComparison.Ordinal))
        {
            return MqttSubscriptionDecision.Refuse();
        }

        return topicFilter == "me/#" ? MqttSubscriptionDecision.Grant(DevicePrefix + "#") : MqttSubscriptionDecision.Grant(topicFilter);
    }

    public string OutgoingTopic(string routedTopic) =>
        routedTopic.StartsWith(DevicePrefix, StringComparison.Ordinal) ? "me/" + routedTopic[DevicePrefix.Length..] : routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        return authority.PublishDelay > TimeSpan.Zero ? DelayedAsync(publish, cancellationToken) : ValueTask.FromResult(Decide(publish));
    }

    private async ValueTask<MqttPublishDecision> DelayedAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        await Task.Delay(authority.PublishDelay, cancellationToken);
        return Decide(publish);
    }

    private MqttPublishDecision Decide(MqttInboundPublish publish)
    {
        if (authority.RecordPublishes || publish.IsWill)
        {
            authority.Publishes.Enqueue(publish with { Payload = new System.Buffers.ReadOnlySequence<byte>(System.Buffers.BuffersExtensions.ToArray(publish.Payload)) });
        }

        if (publish.Topic.StartsWith("forbidden/", StringComparison.Ordinal))
        {
            return MqttPublishDecision.Refuse(MqttReasonCode.NotAuthorized, "not your topic");
        }

        if (publish.Topic.StartsWith("throw/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("policy failure");
        }

        return MqttPublishDecision.Route(publish.Topic);
    }

    public void OnConnectionClosed(MqttConnectionCloseReason reason) => authority.Closes.Enqueue((clientId, reason));
}
