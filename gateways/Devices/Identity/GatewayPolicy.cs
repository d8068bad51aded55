using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// A gateway or simulator with a <c>write:telemetry</c> key: one connection speaking for many devices. It publishes
/// on <c>city/v1/{kind}/{id}/telemetry|events|state|status</c> of any device registered as that kind, and the message
/// takes the same path to the twin as the device's own. It subscribes to nothing and has no Will: when it drops
/// without DISCONNECT, the devices it spoke for are reported offline instead, as their own Wills would.
/// </summary>
/// <remarks>
/// Registrations are looked up once per device and kept for the connection, so the hot path is a dictionary lookup;
/// only registered devices are kept (an unknown id is asked again next time, so one provisioned meanwhile works), which
/// bounds the cache by the number of devices. A device rotated or deleted since its lookup is looked up again.
/// </remarks>
internal sealed class GatewayPolicy : IMqttClientPolicy
{
    /// <summary>More than a device's: one gateway's QoS 0 traffic is many devices' worth.</summary>
    internal const int MaxUnacknowledgedCalls = 1024;

    private const string TopicsReason = "gateways publish under city/v1/{kind}/{a registered device id}/telemetry|events|state|status";

    private readonly IGrainFactory _grains;
    private readonly TwinMessageSink _sink;
    private readonly DeviceConnections _connections;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Dictionary<string, Registration> _devices = new(StringComparer.Ordinal);
    private readonly UnacknowledgedTwinCalls _unacknowledged = new(MaxUnacknowledgedCalls);

    public GatewayPolicy(string name, IGrainFactory grains, TwinMessageSink sink, DeviceConnections connections, TimeProvider clock, ILogger logger)
    {
        _name = name;
        _grains = grains;
        _sink = sink;
        _connections = connections;
        _clock = clock;
        _logger = logger;
        Identity = $"gateway:{name}";
    }

    public string Identity { get; }

    /// <summary>The offline reports sent when the connection dropped; nobody waits for them but tests.</summary>
    public Task OfflineReports { get; private set; } = Task.CompletedTask;

    public MqttSubscriptionDecision AuthorizeSubscription(string topicFilter)
    {
        DeviceEndpointLog.ActionRefused(_logger, "subscription", Identity, topicFilter, "gateway connections publish for devices and subscribe to nothing");
        return MqttSubscriptionDecision.Refuse();
    }

    public string OutgoingTopic(string routedTopic) => routedTopic;

    public ValueTask<MqttPublishDecision> AuthorizePublishAsync(MqttInboundPublish publish, CancellationToken cancellationToken)
    {
        if (publish.IsWill)
        {
            // Refused at CONNECT; never reached.
            return Refuse(publish, MqttReasonCode.NotAuthorized, "gateway connections have no Will");
        }

        if (!DeviceTopic.TryParse(publish.Topic, out var topic) || topic.Channel is DeviceChannel.Command or DeviceChannel.Reply)
        {
            return Refuse(publish, MqttReasonCode.NotAuthorized, TopicsReason);
        }

        if (_devices.TryGetValue(topic.DeviceId, out var known) && !_connections.IsRevoked(topic.DeviceId, known.CheckedAt))
        {
            return Apply(topic, known.Kind, publish);
        }

        return LookUpThenApplyAsync(topic, publish);
    }

    /// <summary>
    /// Ending without DISCONNECT is the gateway's devices falling silent all at once: report each offline unless it is
    /// meanwhile connected on its own. A session taken over is the gateway reconnecting, and a stopping silo is not the
    /// devices' doing: neither says anything about them.
    /// </summary>
    public void OnConnectionClosed(MqttConnectionCloseReason reason)
    {
        if (reason is MqttConnectionCloseReason.ClientDisconnected or MqttConnectionCloseReason.SessionTakenOver or MqttConnectionCloseReason.ServerShutdown
            || _devices.Count == 0)
        {
            return;
        }

        var at = _clock.GetUtcNow();
        var reports = new List<Task>(_devices.Count);
        foreach (var (deviceId, registration) in _devices)
        {
            if (!_connections.IsConnected(deviceId))
            {
                reports.Add(ReportOfflineAsync(registration.Kind, deviceId, at));
            }
        }

        OfflineReports = Task.WhenAll(reports);
        GatewayLog.GatewayDropped(_logger, _name, reason, reports.Count);
    }

    private async ValueTask<MqttPublishDecision> LookUpThenApplyAsync(DeviceTopic topic, MqttInboundPublish publish)
    {
        // Stamped before the lookup: a rotation or deletion that races with it is seen by the next message.
        var checkedAt = _connections.Stamp();
        DeviceKind? kind;
        try
        {
            kind = await _grains.GetGrain<IDeviceCredentials>(topic.DeviceId).GetKind().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            GatewayLog.RegistrationLookupFailed(_logger, e, topic.DeviceId, _name);
            return MqttPublishDecision.Refuse(MqttReasonCode.ImplementationSpecificError, "Could not check the device's registration; send the message again.");
        }

        if (kind is not { } registered)
        {
            _devices.Remove(topic.DeviceId);
            return await Refuse(publish, MqttReasonCode.NotAuthorized, $"'{topic.DeviceId}' is not a registered device: provision it first").ConfigureAwait(false);
        }

        _devices[topic.DeviceId] = new Registration(registered, checkedAt);
        return await Apply(topic, registered, publish).ConfigureAwait(false);
    }

    private ValueTask<MqttPublishDecision> Apply(DeviceTopic topic, DeviceKind registered, MqttInboundPublish publish) =>
        registered == topic.Kind
            ? _sink.ApplyAsync(topic, publish.Topic, publish.Payload, publish.ReceivedAt, publish.QualityOfService, _unacknowledged)
            : Refuse(publish, MqttReasonCode.NotAuthorized, $"'{topic.DeviceId}' is registered as {registered.ToName()}, not {topic.Kind.ToName()}");

    private async Task ReportOfflineAsync(DeviceKind kind, string deviceId, DateTimeOffset at)
    {
        try
        {
            await _grains.GetDeviceTwin(kind, deviceId).ReportStatus(DeviceStatus.Offline, at).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            GatewayLog.OfflineReportFailed(_logger, e, deviceId);
        }
    }

    private ValueTask<MqttPublishDecision> Refuse(MqttInboundPublish publish, MqttReasonCode reasonCode, string reason)
    {
        DeviceEndpointLog.ActionRefused(_logger, "publish", Identity, publish.Topic, reason);
        return ValueTask.FromResult(MqttPublishDecision.Refuse(reasonCode, reason));
    }

    private readonly record struct Registration(DeviceKind Kind, long CheckedAt);
}
