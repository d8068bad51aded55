using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Gateways.Devices.Commands;

/// <summary>
/// Sends commands down to devices and pairs their replies with them. A command goes out twice, once per topic scheme
/// (a device subscribes to one of them): on <c>city/v1/{kind}/{id}/cmd/{name}</c> with the MQTT 5 Response Topic and
/// Correlation Data, and as a ThingsBoard server-side RPC <c>{"method": name, "params": payload}</c>.
/// </summary>
/// <remarks>
/// A 3.1.1 device cannot echo Correlation Data, so a reply without it answers the oldest pending command of that name.
/// </remarks>
internal sealed class DeviceCommandDispatcher(IMqttBroker broker, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string DeviceId, string RequestId), PendingCommand> _pending = new();
    private long _lastRequestId = clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<DeviceCommandOutcome> SendAsync(DeviceKind kind, string deviceId, string name, JsonElement payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var requestId = Interlocked.Increment(ref _lastRequestId).ToString(CultureInfo.InvariantCulture);
        var command = new PendingCommand(deviceId, name, requestId);
        _pending[(deviceId, requestId)] = command;
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(payload);
            var deliveredTo = await broker.PublishAsync(
                new MqttApplicationMessage(
                    DeviceTopic.Format(kind, deviceId, DeviceChannel.Command, name),
                    body,
                    MqttQualityOfService.AtLeastOnce,
                    ResponseTopic: DeviceTopic.Format(kind, deviceId, DeviceChannel.Reply, name),
                    CorrelationData: Encoding.UTF8.GetBytes(requestId),
                    ContentType: "application/json",
                    MessageExpiryInterval: timeout),
                cancellationToken).ConfigureAwait(false);

            var rpc = JsonSerializer.SerializeToUtf8Bytes(new ThingsBoardRpcRequest(name, payload));
            deliveredTo += await broker.PublishAsync(
                new MqttApplicationMessage(ThingsBoardTopics.RpcRequest(deviceId, requestId), rpc, MqttQualityOfService.AtLeastOnce, MessageExpiryInterval: timeout),
                cancellationToken).ConfigureAwait(false);

            if (deliveredTo == 0)
            {
                return new DeviceCommandOutcome(DeviceCommandStatus.NotSubscribed, requestId);
            }

            var reply = await command.Reply.Task.WaitAsync(timeout, clock, cancellationToken).ConfigureAwait(false);
            return new DeviceCommandOutcome(DeviceCommandStatus.Replied, requestId, reply);
        }
        catch (TimeoutException)
        {
            return new DeviceCommandOutcome(DeviceCommandStatus.TimedOut, requestId);
        }
        finally
        {
            _pending.TryRemove((deviceId, requestId), out _);
        }
    }

    /// <summary>A reply on <c>reply/{name}</c>; <paramref name="correlationData"/> is empty from 3.1.1 devices.</summary>
    /// <returns>Whether it answered a pending command.</returns>
    public bool CompleteReply(string deviceId, string name, ReadOnlyMemory<byte> correlationData, ReadOnlySpan<byte> payload)
    {
        if (!correlationData.IsEmpty)
        {
            return Complete(deviceId, Encoding.UTF8.GetString(correlationData.Span), payload);
        }

        PendingCommand? oldest = null;
        foreach (var command in _pending.Values)
        {
            if (command.DeviceId == deviceId && command.Name == name
                && (oldest is null || string.CompareOrdinal(command.RequestId, oldest.RequestId) < 0))
            {
                oldest = command;
            }
        }

        return oldest is not null && Complete(deviceId, oldest.RequestId, payload);
    }

    /// <summary>A reply on <c>v1/devices/me/rpc/response/{requestId}</c>.</summary>
    public bool Complete(string deviceId, string requestId, ReadOnlySpan<byte> payload) =>
        _pending.TryGetValue((deviceId, requestId), out var command) && command.Reply.TrySetResult(payload.ToArray());
}
