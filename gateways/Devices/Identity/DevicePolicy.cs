using System.Buffers;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// One connected device: it publishes only under its own topics (or ThingsBoard's <c>v1/devices/me/...</c>) and
/// subscribes only to its own commands.
/// </summary>
internal sealed class DevicePolicy : IMqttClientPolicy
{
    /// <summary>QoS 0 messages of one connection on their way to the twin before the connection waits for the twin.</summary>
    internal const int MaxUnacknowledgedCalls = 64;

    private const string RevokedReason = "the device's secret was rotated or deleted since this connection opened: reconnect with the new secret";

    private readonly DeviceKind _kind;
    private readonly string _deviceId;
    private readonly long _generation;
    private readonly string _prefix;
    private readonly string _commandPrefix;
    private readonly string _thingsBoardPrefix;
    private readonly TwinMessageSink _sink;
    private readonly PendingCommands _commands;
    private readonly DeviceConnections _connections;
    private readonly ILogger _logger;
    private readonly UnacknowledgedTwinCalls _unacknowledged = new(MaxUnacknowledgedCalls);

    public DevicePolicy(
        DeviceKind kind,
        string deviceId,
        TwinMessageSink sink,
        PendingCommands commands,
        DeviceConnections connections,
        ILogger logger)
    {
        _kind = kind;
        _deviceId = deviceId;
        _sink = sink;
        _commands = commands;
        _connections = connections;
        _logger = logger;
        _prefix = DeviceTopic.Prefix(kind, deviceId);
        _commandPrefix = _prefix + "cmd/";
        _thingsBoardPrefix = ThingsBoardTopics.InternalPrefix(deviceId);
        _generation = connections.Open(deviceId);
        Identity = deviceId;
    }

    public string Identity { get; }

    /// <summary>A device's Will may only say something about the device itself.</summary>
    public bool MayUseWill(string willTopic) =>
        DeviceTopic.TryParse(willTopic, out var topic) && IsOwn(topic) && topic.Channel is not (DeviceChannel.Command or DeviceChannel.Reply);

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter)
    {
        if (_connections.IsRevoked(_deviceId, _generation))
        {
            DeviceEndpointLog.ActionRefused(_logger, "subscription", Identity, topicFilter, RevokedReason);
            return MqttSubscriptionDecision.Refuse();
        }

        if (topicFilter.StartsWith(_commandPrefix, StringComparison.Ordinal))
        {
            return MqttSubscriptionDecision.Grant(topicFilter);
        }

        switch (topicFilter)
        {
            case ThingsBoardTopics.RpcRequestFilter:
                return MqttSubscriptionDecision.Grant(_thingsBoardPrefix + "rpc/request/+");
            case ThingsBoardTopics.Attributes:
                return MqttSubscriptionDecision.Grant(_thingsBoardPrefix + "attributes");
        }

        DeviceEndpointLog.ActionRefused(_logger, "subscription", Identity, topicFilter, "devices subscribe only to their own cmd/ topics");
        return MqttSubscriptionDecision.Refuse();
    }

    public string OutgoingTopic(string routedTopic) =>
        routedTopic.StartsWith(_thingsBoardPrefix, StringComparison.Ordinal)
            ? string.Concat(ThingsBoardTopics.Me, routedTopic.AsSpan(_thingsBoardPrefix.Length))
            : routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        if (publish.IsWill && _connections.IsSuperseded(_deviceId, _generation))
        {
            // The device is already back on a newer connection: this Will describes a connection nobody uses.
            return ValueTask.FromResult(MqttPublishDecision.AcceptWithoutRouting());
        }

        if (_connections.IsRevoked(_deviceId, _generation))
        {
            return Refuse(publish, MqttReasonCode.NotAuthorized, RevokedReason);
        }

        var topic = publish.Topic;
        if (topic.StartsWith(ThingsBoardTopics.Me, StringComparison.Ordinal))
        {
            return ThingsBoardPublish(publish);
        }

        if (!DeviceTopic.TryParse(topic, out var parsed))
        {
            return Refuse(publish, MqttReasonCode.NotAuthorized, "devices publish only under city/v1/{kind}/{their id}/telemetry|events|state|status|reply/{name}");
        }

        if (!IsOwn(parsed))
        {
            return Refuse(publish, MqttReasonCode.NotAuthorized, "a device publishes only under its own topics");
        }

        switch (parsed.Channel)
        {
            case DeviceChannel.Command:
                return Refuse(publish, MqttReasonCode.NotAuthorized, "commands come from the IOC, not from devices");
            case DeviceChannel.Reply:
                _commands.CompleteReply(_deviceId, parsed.Name!, publish.CorrelationData, publish.Payload.IsSingleSegment ? publish.Payload.FirstSpan : publish.Payload.ToArray());
                return ValueTask.FromResult(MqttPublishDecision.Route(topic));
            default:
                return _sink.ApplyAsync(parsed, topic, publish.Payload, publish.ReceivedAt, publish.QualityOfService, _unacknowledged);
        }
    }

    /// <remarks>
    /// Closing is not going offline: battery-powered stations connect, publish and disconnect on every reading. A device
    /// says it is offline through its Will on <c>status</c>; silence is timed out by the twin.
    /// </remarks>
    public void OnConnectionClosed(MqttConnectionCloseReason reason) => _connections.Close(_deviceId, _generation);

    private ValueTask<MqttPublishDecision> ThingsBoardPublish(MqttInboundPublish publish)
    {
        var topic = publish.Topic;
        if (topic == ThingsBoardTopics.Telemetry)
        {
            return _sink.ApplyAsync(new DeviceTopic(_kind, _deviceId, DeviceChannel.Telemetry), _prefix + "telemetry", publish.Payload, publish.ReceivedAt, publish.QualityOfService, _unacknowledged);
        }

        if (topic == ThingsBoardTopics.Attributes)
        {
            return _sink.ApplyAsync(new DeviceTopic(_kind, _deviceId, DeviceChannel.State), _prefix + "state", publish.Payload, publish.ReceivedAt, publish.QualityOfService, _unacknowledged);
        }

        if (topic.StartsWith(ThingsBoardTopics.RpcResponsePrefix, StringComparison.Ordinal))
        {
            var requestId = topic[ThingsBoardTopics.RpcResponsePrefix.Length..];
            var payload = publish.Payload.IsSingleSegment ? publish.Payload.FirstSpan : publish.Payload.ToArray();
            return _commands.Complete(_deviceId, requestId, payload)
                ? ValueTask.FromResult(MqttPublishDecision.AcceptWithoutRouting())
                : Refuse(publish, MqttReasonCode.PacketIdentifierNotFound, $"no pending RPC request {requestId} (it may have timed out)");
        }

        if (topic.StartsWith(ThingsBoardTopics.RpcRequestPrefix, StringComparison.Ordinal))
        {
            return Refuse(publish, MqttReasonCode.ImplementationSpecificError, "client-side RPC is not supported");
        }

        return Refuse(publish, MqttReasonCode.NotAuthorized, "ThingsBoard devices publish to v1/devices/me/telemetry, attributes or rpc/response/{id}");
    }

    private bool IsOwn(DeviceTopic topic) => topic.Kind == _kind && topic.DeviceId == _deviceId;

    private ValueTask<MqttPublishDecision> Refuse(MqttInboundPublish publish, MqttReasonCode reasonCode, string reason)
    {
        DeviceEndpointLog.ActionRefused(_logger, "publish", Identity, publish.Topic, reason);
        return ValueTask.FromResult(MqttPublishDecision.Refuse(reasonCode, reason));
    }
}
