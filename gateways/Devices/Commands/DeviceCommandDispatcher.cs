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
internal sealed class DeviceCommandDispatcher(IMqttBroker broker, PendingCommands pending, TimeProvider clock)
{
    private long _lastRequestId = clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<DeviceCommandOutcome> SendAsync(DeviceKind kind, string deviceId, string name, JsonElement payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var requestId = Interlocked.Increment(ref _lastRequestId).ToString(CultureInfo.InvariantCulture);
        var command = pending.Add(deviceId, name, requestId);
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
            pending.Remove(command);
        }
    }
}
