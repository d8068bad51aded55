using System.Text.Json;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Desired;

/// <summary>
/// Delivers a twin's desired properties to its device, retained so that a device that is offline now gets them when
/// it subscribes: on <c>city/v1/{kind}/{id}/cmd/desired</c> as <see cref="DesiredPropertiesMessage"/>, and for
/// ThingsBoard firmware on its <c>v1/devices/me/attributes</c> as the flat <c>{"key": "value"}</c> it expects.
/// </summary>
internal sealed class DesiredPropertiesPublisher(IGrainFactory grains, IMqttBroker broker) : IDisposable
{
    /// <summary>The command name under which desired properties travel; commands cannot use it.</summary>
    public const string CommandName = "desired";

    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = CreateStripes();

    /// <summary>
    /// Publishes what the twin desires now. Reading and publishing happen under a lock per device, so when two updates
    /// cross, the one published last carries the newest version and a retained message never goes back a version.
    /// </summary>
    /// <param name="removed">Keys the update removed: ThingsBoard firmware learns of them only through <c>{"deleted": [...]}</c>.</param>
    public async Task<DesiredDelivery> PublishAsync(DeviceKind kind, string deviceId, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(deviceId) % Stripes];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var desired = (await grains.GetDeviceTwin(kind, deviceId).GetSnapshot().ConfigureAwait(false)).Desired;

            // Not cancellable from here on: a device must not get the ThingsBoard copy without the other, or the reverse.
            var message = JsonSerializer.SerializeToUtf8Bytes(new DesiredPropertiesMessage(desired.Version, desired.Properties));
            var subscribers = await broker.PublishAsync(
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
                subscribers += await broker.PublishAsync(
                    new MqttApplicationMessage(attributesTopic, JsonSerializer.SerializeToUtf8Bytes(deleted)),
                    CancellationToken.None).ConfigureAwait(false);
            }

            // Everything desired, even when nothing is: an empty retained payload would delete the retained message.
            subscribers += await broker.PublishAsync(
                new MqttApplicationMessage(attributesTopic, JsonSerializer.SerializeToUtf8Bytes(desired.Properties), MqttQualityOfService.AtLeastOnce, Retain: true),
                CancellationToken.None).ConfigureAwait(false);

            return new DesiredDelivery(desired.Version, subscribers);
        }
        finally
        {
            stripe.Release();
        }
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
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
