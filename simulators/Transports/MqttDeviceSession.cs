using System.Net.Sockets;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// One device's own MQTT connection, as a real device keeps it: its id and secret, MQTT 5, a retained <c>offline</c>
/// Will on its status topic and a retained <c>online</c> once connected; QoS 1, so a message counts only once the twin
/// applied it. Calls for one device come in order; the lock only guards against the final sign-off racing a late send.
/// </summary>
internal sealed class MqttDeviceSession(SimulatedDevice device, DeviceCredentials credentials, MqttAddress broker, TimeProvider time) : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<byte> Online = "online"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Offline = "offline"u8.ToArray();

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly ReconnectBackoff backoff = new(time);
    private readonly string statusTopic = DeviceMessageFormat.StatusTopic(device);
    private MqttClientConnection? connection;

    public bool IsConnected => connection is { IsConnected: true };

    public async ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            switch (message.Kind)
            {
                case DeviceMessageKind.Online:
                    await ConnectedAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case DeviceMessageKind.Offline:
                    await SayOfflineAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case DeviceMessageKind.ConnectionLost:
                    // No DISCONNECT: the broker sees the socket drop and publishes the Will, as after a power cut.
                    connection?.Abort();
                    await DropAsync().ConfigureAwait(false);
                    break;
                default:
                    await PublishAsync(DeviceMessageFormat.Topic(message), DeviceMessageFormat.Payload(message), retain: false, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Says <c>offline</c> and disconnects, if connected.</summary>
    public async Task SignOffAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SayOfflineAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync().ConfigureAwait(false);
        turn.Dispose();
    }

    private async Task SayOfflineAsync(CancellationToken cancellationToken)
    {
        if (connection is not { IsConnected: true } open)
        {
            await DropAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await open.PublishAsync(statusTopic, Offline, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            await open.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // Gone already: the broker has published the Will, which says the same.
        }
        finally
        {
            await DropAsync().ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        var open = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        MqttReasonCode code;
        try
        {
            code = await open.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // The connection broke under the message: once more on a fresh one (if the backoff allows), then give up.
            await DropAsync().ConfigureAwait(false);
            open = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                code = await open.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, retain, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception again) when (IsConnectionFailure(again))
            {
                await DropAsync().ConfigureAwait(false);
                throw new IOException($"{device.Id}: the MQTT connection broke while publishing on {topic}: {again.Message}", again);
            }
        }

        if ((byte)code >= 0x80)
        {
            throw new DeviceUplinkException($"{device.Id}: the twin refused {topic}: {code} (0x{(byte)code:X2})");
        }
    }

    private async Task<MqttClientConnection> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsConnected: true } open)
        {
            return open;
        }

        await DropAsync().ConfigureAwait(false);
        var wait = backoff.Remaining;
        if (wait > TimeSpan.Zero)
        {
            throw new IOException($"{device.Id}: not connected to {broker}; next attempt in {wait.TotalSeconds:0.#} s");
        }

        var options = new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = device.Id,
            Username = credentials.Username,
            Password = Encoding.UTF8.GetBytes(credentials.Password),
            Version = MqttProtocolVersion.V500,
            KeepAlive = TimeSpan.FromSeconds(60),
            Will = new MqttClientWill(statusTopic, Offline, MqttQualityOfService.AtLeastOnce, Retain: true),
        };
        try
        {
            open = await MqttClientConnection.ConnectAsync(options, handler: null, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttConnectException e)
        {
            backoff.Failed();
            throw new DeviceUplinkException($"{device.Id}: {broker} refused the connection: {e.ReasonCode} (0x{(byte)e.ReasonCode:X2})", e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            backoff.Failed();
            throw new IOException($"{device.Id}: cannot connect to {broker}: {e.Message}", e);
        }

        connection = open;
        backoff.Succeeded();
        try
        {
            // The birth message: overwrites the retained Will of an earlier connection that ended badly.
            await open.PublishAsync(statusTopic, Online, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            await DropAsync().ConfigureAwait(false);
            throw new IOException($"{device.Id}: the MQTT connection broke right after connecting: {e.Message}", e);
        }

        return open;
    }

    private async Task DropAsync()
    {
        if (connection is { } old)
        {
            connection = null;
            await old.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static bool IsConnectionFailure(Exception e) =>
        e is MqttClientException or IOException or SocketException or TimeoutException or ObjectDisposedException or InvalidOperationException;
}
