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

    public async ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        if (authority.PublishDelay > TimeSpan.Zero)
        {
            await Task.Delay(authority.PublishDelay, cancellationToken);
        }

        authority.Publishes.Enqueue(publish with { Payload = new System.Buffers.ReadOnlySequence<byte>(System.Buffers.BuffersExtensions.ToArray(publish.Payload)) });
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
