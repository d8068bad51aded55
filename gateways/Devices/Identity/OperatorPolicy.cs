using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>An operator or service with an API key: may watch everything under <c>city/</c>, may publish nothing.</summary>
internal sealed class OperatorPolicy(string name, ILogger logger) : IMqttClientPolicy
{
    public string Identity { get; } = $"operator:{name}";

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter)
    {
        if (topicFilter.StartsWith(DeviceTopic.Root + "/", StringComparison.Ordinal))
        {
            return MqttSubscriptionDecision.Grant(topicFilter);
        }

        DeviceEndpointLog.ActionRefused(logger, "subscription", Identity, topicFilter, "operators subscribe under city/");
        return MqttSubscriptionDecision.Refuse();
    }

    public string OutgoingTopic(string routedTopic) => routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        DeviceEndpointLog.ActionRefused(logger, "publish", Identity, publish.Topic, "operator connections are read-only");
        return ValueTask.FromResult(MqttPublishDecision.Refuse(MqttReasonCode.NotAuthorized, "Operator connections are read-only: send commands through the API."));
    }

    public void OnConnectionClosed(MqttConnectionCloseReason reason)
    {
    }
}
