using System.Buffers;
using System.Text;
using System.Threading.Channels;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>A device on the silo's MQTT endpoint: a real MQTT client connected with the device's credentials, keeping what it receives.</summary>
internal sealed class MqttDevice : IAsyncDisposable
{
    /// <summary>Generous: nothing here is a latency assertion, only "it arrives at all".</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<(string Topic, string Payload, bool Retain)> _received = Channel.CreateUnbounded<(string, string, bool)>();

    private MqttClientConnection? _connection;

    private MqttClientConnection Connection => _connection ?? throw new InvalidOperationException("Not connected.");

    /// <summary>Connects with username = device id and password = secret, or, with <paramref name="accessTokenOnly"/>, the access token as username.</summary>
    public static async Task<MqttDevice> ConnectAsync(int port, ProvisionedDevice device, bool accessTokenOnly = false, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var mqtt = new MqttDevice();
        mqtt._connection = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                ClientId = $"{device.Id}-{Guid.NewGuid():N}"[..Math.Min(device.Id.Length + 9, 64)],
                Username = accessTokenOnly ? device.AccessToken : device.Username,
                Password = accessTokenOnly ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(device.Password),
                Version = version,
            },
            mqtt.OnMessageAsync,
            CancellationToken.None);
        return mqtt;
    }

    public async Task SubscribeAsync(string topicFilter)
    {
        var granted = await Connection.SubscribeAsync(topicFilter, MqttQualityOfService.AtLeastOnce);
        Assert.True((byte)granted < 0x80, $"subscription to '{topicFilter}' refused: {granted}");
    }

    public async Task PublishAsync(string topic, string payload)
    {
        var code = await Connection.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce);
        Assert.True((byte)code < 0x80, $"publish to '{topic}' refused: {code}");
    }

    /// <summary>The next message on <paramref name="topic"/>, skipping others.</summary>
    public async Task<(string Payload, bool Retain)> NextAsync(string topic)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (message.Topic == topic)
            {
                return (message.Payload, message.Retain);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private ValueTask OnMessageAsync(MqttReceivedMessage message, CancellationToken cancellationToken)
    {
        _received.Writer.TryWrite((message.Topic, Encoding.UTF8.GetString(message.Payload.ToArray()), message.Retain));
        return ValueTask.CompletedTask;
    }
}
