using System.Collections.Concurrent;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// One gateway connection speaking for many devices, as a field concentrator does: it logs in with an API key holding
/// <c>write:telemetry</c> and publishes on each device's own topics. A device's connectivity becomes a retained
/// <c>online</c>/<c>offline</c> on its status topic; the gateway has no Will for them, so it says <c>offline</c> itself
/// for a device that drops off.
/// </summary>
internal sealed class MqttGateway(string name, string key, MqttAddress broker, TimeProvider time) : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<byte> Offline = "offline"u8.ToArray();

    // Many devices share the connection: enough QoS 1 in flight to keep it busy (the broker's Receive Maximum caps it).
    private const int MaximumInFlight = 1_024;

    private readonly SemaphoreSlim connecting = new(1, 1);
    private readonly ReconnectBackoff backoff = new(time);
    private readonly ConcurrentDictionary<string, SimulatedDevice> online = new(StringComparer.Ordinal);
    private volatile MqttClientConnection? connection;

    public string Name => name;

    /// <summary>Devices that said <c>online</c> through this gateway, while its connection is up.</summary>
    public int OnlineDevices => connection is { IsConnected: true } ? online.Count : 0;

    public async ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        var open = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        var topic = DeviceMessageFormat.Topic(message);
        var retain = message.Kind is DeviceMessageKind.Online or DeviceMessageKind.Offline or DeviceMessageKind.ConnectionLost;
        MqttReasonCode code;
        try
        {
            code = await open.PublishAsync(topic, DeviceMessageFormat.Payload(message), MqttQualityOfService.AtLeastOnce, retain, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (MqttDeviceSession.IsConnectionFailure(e))
        {
            throw new IOException($"{message.Device.Id}: gateway {name}'s connection broke while publishing on {topic}: {e.Message}", e);
        }

        if ((byte)code >= 0x80)
        {
            throw new DeviceUplinkException($"{message.Device.Id}: the twin refused {topic} from gateway {name}: {code} (0x{(byte)code:X2})");
        }

        switch (message.Kind)
        {
            case DeviceMessageKind.Offline or DeviceMessageKind.ConnectionLost:
                online.TryRemove(message.Device.Id, out _);
                break;
            default:
                online.TryAdd(message.Device.Id, message.Device);
                break;
        }
    }

    /// <summary>Every device this gateway speaks for says <c>offline</c>; then the gateway disconnects.</summary>
    public async Task SignOffAsync(CancellationToken cancellationToken)
    {
        if (connection is not { IsConnected: true } open)
        {
            return;
        }

        try
        {
            await Parallel.ForEachAsync(
                online.Values,
                new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
                async (device, ct) => await open.PublishAsync(
                    DeviceMessageFormat.StatusTopic(device), Offline, MqttQualityOfService.AtLeastOnce, retain: true, ct).ConfigureAwait(false)).ConfigureAwait(false);
            online.Clear();
            await open.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (MqttDeviceSession.IsConnectionFailure(e))
        {
            // The connection is gone: nothing more can be said through it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            await open.DisposeAsync().ConfigureAwait(false);
        }

        connecting.Dispose();
    }

    private async Task<MqttClientConnection> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsConnected: true } open)
        {
            return open;
        }

        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is { IsConnected: true } opened)
            {
                return opened;
            }

            if (connection is { } broken)
            {
                // Its devices' twins have lost their link; they say online again with their next message.
                connection = null;
                online.Clear();
                await broken.DisposeAsync().ConfigureAwait(false);
            }

            var wait = backoff.Remaining;
            if (wait > TimeSpan.Zero)
            {
                throw new IOException($"gateway {name}: not connected to {broker}; next attempt in {wait.TotalSeconds:0.#} s");
            }

            var options = new MqttClientOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                ClientId = name,
                Username = name,
                Password = Encoding.UTF8.GetBytes(key),
                Version = MqttProtocolVersion.V500,
                KeepAlive = TimeSpan.FromSeconds(30),
                MaximumInFlight = MaximumInFlight,
            };
            try
            {
                opened = await MqttClientConnection.ConnectAsync(options, handler: null, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttConnectException e)
            {
                backoff.Failed();
                throw new DeviceUplinkException($"gateway {name}: {broker} refused the connection: {e.ReasonCode} (0x{(byte)e.ReasonCode:X2})", e);
            }
            catch (Exception e) when (MqttDeviceSession.IsConnectionFailure(e))
            {
                backoff.Failed();
                throw new IOException($"gateway {name}: cannot connect to {broker}: {e.Message}", e);
            }

            backoff.Succeeded();
            connection = opened;
            return opened;
        }
        finally
        {
            connecting.Release();
        }
    }
}
