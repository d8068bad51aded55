using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Desired;

/// <summary>
/// Delivers a twin's desired properties to its device, retained so that a device that is offline now gets them when
/// it subscribes: on <c>city/v1/{kind}/{id}/cmd/desired</c> as <see cref="DesiredPropertiesMessage"/>, and for
/// ThingsBoard firmware on its <c>v1/devices/me/attributes</c> as the flat <c>{"key": "value"}</c> it expects. A deleted
/// twin's retained messages are withdrawn, so a device provisioned again under the id does not get its old configuration.
/// </summary>
/// <remarks>
/// Takes the endpoint as a factory, called at first use: the endpoint's device authority needs this publisher (to retain
/// a device's desired properties again when it connects), so the two cannot be built one from the other.
/// </remarks>
internal sealed class DesiredPropertiesPublisher(IGrainFactory grains, Func<IMqttBroker> endpoint, ILogger<DesiredPropertiesPublisher> logger)
    : ITwinObserver, IDisposable
{
    /// <summary>The command name under which desired properties travel; commands cannot use it.</summary>
    public const string CommandName = "desired";

    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = CreateStripes();

    private readonly Lazy<IMqttBroker> _broker = new(endpoint);

    /// <summary>
    /// Devices whose desired properties the endpoint has retained since the silo started. Retained messages live in the
    /// endpoint's memory, the desired properties in the twin's storage: after a restart, a device's first connection
    /// publishes them again. One entry per device that connected, a few dozen bytes each.
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _retained = new(StringComparer.Ordinal);

    /// <summary>
    /// Publishes what the twin desires now. Reading and publishing happen under a lock per device, so when two updates
    /// cross, the one published last carries the newest version and a retained message never goes back a version.
    /// </summary>
    /// <param name="removed">Keys the update removed: ThingsBoard firmware learns of them only through <c>{"deleted": [...]}</c>.</param>
    public async Task<DesiredDelivery> PublishAsync(DeviceKind kind, string deviceId, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        return (await PublishCoreAsync(kind, deviceId, removed, onlyWhenDesired: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Called as a device connects: the first time since the silo started, its twin's desired properties are retained
    /// again (when it has any), in the background, so the device gets them when it subscribes.
    /// </summary>
    public void RestoreOnConnect(DeviceKind kind, string deviceId)
    {
        if (_retained.ContainsKey(deviceId))
        {
            return;
        }

        _ = RestoreAsync(kind, deviceId);
    }

    public void OnDeviceChanged(DeviceTwinChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.What != DeviceTwinChangeKind.Removed)
        {
            return;
        }

        // Off the grain's turn: observers must not wait, and this takes the device's lock.
        var twin = change.Twin;
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Publisher.WithdrawAsync(state.Kind, state.Id), (Publisher: this, twin.Kind, twin.Id), preferLocal: false);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private async Task RestoreAsync(DeviceKind kind, string deviceId)
    {
        try
        {
            await PublishCoreAsync(kind, deviceId, [], onlyWhenDesired: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The device's next connection tries again; nothing was marked retained.
            DeviceEndpointLog.DesiredRestoreFailed(logger, e, deviceId);
        }
    }

    private async Task WithdrawAsync(DeviceKind kind, string deviceId)
    {
        var stripe = StripeOf(deviceId);
        await stripe.WaitAsync().ConfigureAwait(false);
        try
        {
            // An empty retained payload deletes the retained message (MQTT-3.3.1-6).
            await _broker.Value.PublishAsync(new MqttApplicationMessage(DeviceTopic.Format(kind, deviceId, DeviceChannel.Command, CommandName), ReadOnlyMemory<byte>.Empty, Retain: true)).ConfigureAwait(false);
            await _broker.Value.PublishAsync(new MqttApplicationMessage(ThingsBoardTopics.InternalPrefix(deviceId) + "attributes", ReadOnlyMemory<byte>.Empty, Retain: true)).ConfigureAwait(false);
            _retained.TryRemove(deviceId, out _);
        }
        catch (Exception e)
        {
            DeviceEndpointLog.DesiredWithdrawFailed(logger, e, deviceId);
        }
        finally
        {
            stripe.Release();
        }
    }

    private SemaphoreSlim StripeOf(string deviceId) => _stripes[(uint)StringComparer.Ordinal.GetHashCode(deviceId) % Stripes];

    private async Task<DesiredDelivery?> PublishCoreAsync(
        DeviceKind kind,
        string deviceId,
        IReadOnlyCollection<string> removed,
        bool onlyWhenDesired,
        CancellationToken cancellationToken)
    {
        var stripe = StripeOf(deviceId);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (onlyWhenDesired && _retained.ContainsKey(deviceId))
            {
                return null;
            }

            var desired = (await grains.GetDeviceTwin(kind, deviceId).GetSnapshot().ConfigureAwait(false)).Desired;
            if (onlyWhenDesired && desired.Version == 0)
            {
                _retained[deviceId] = true;
                return null;
            }

            // Not cancellable from here on: a device must not get the ThingsBoard copy without the other, or the reverse.
            var message = JsonSerializer.SerializeToUtf8Bytes(new DesiredPropertiesMessage(desired.Version, desired.Properties));
            var subscribers = await _broker.Value.PublishAsync(
                new MqttApplicationMessage(
                    DeviceTopic.Format(kind, deviceId, DeviceChannel.Command, CommandName),
                    message,
                    MqttQualityOfService.AtLeastOnce,
                    Retain: true,
                    ContentType: "application/json"),
                CancellationToken.None).ConfigureAwait(false);

            var attributesTopic = ThingsBoardTopics.InternalPrefix(deviceId) + "attributes";
            if (removed.Count > 0)
            {
                var deleted = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { ["deleted"] = removed };
                subscribers += await _broker.Value.PublishAsync(
                    new MqttApplicationMessage(attributesTopic, JsonSerializer.SerializeToUtf8Bytes(deleted)),
                    CancellationToken.None).ConfigureAwait(false);
            }

            // Everything desired, even when nothing is: an empty retained payload would delete the retained message.
            subscribers += await _broker.Value.PublishAsync(
                new MqttApplicationMessage(attributesTopic, JsonSerializer.SerializeToUtf8Bytes(desired.Properties), MqttQualityOfService.AtLeastOnce, Retain: true),
                CancellationToken.None).ConfigureAwait(false);

            _retained[deviceId] = true;
            return new DesiredDelivery(desired.Version, subscribers);
        }
        finally
        {
            stripe.Release();
        }
    }

    private static SemaphoreSlim[] CreateStripes()
    {
        var stripes = new SemaphoreSlim[Stripes];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new SemaphoreSlim(1, 1);
        }

        return stripes;
    }
}
