using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Client;

/// <summary>Our client against a real mosquitto 2 broker: connect in both versions, the three QoS flows, the Will.</summary>
public sealed class MqttClientConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Connects_and_disconnects_in_either_version(MqttProtocolVersion version)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await MqttClientConnection.ConnectAsync(Options(broker, "connect-" + version, version), null, CancellationToken.None);

        Assert.True(client.IsConnected);
        Assert.False(client.SessionPresent);
        Assert.Equal(version, client.Version);

        await client.DisconnectAsync();
        await client.Completion.WaitAsync(Patience);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttProtocolVersion.V311, MqttQualityOfService.AtLeastOnce)]
    [InlineData(MqttProtocolVersion.V311, MqttQualityOfService.ExactlyOnce)]
    [InlineData(MqttProtocolVersion.V500, MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttProtocolVersion.V500, MqttQualityOfService.AtLeastOnce)]
    [InlineData(MqttProtocolVersion.V500, MqttQualityOfService.ExactlyOnce)]
    public async Task Publishes_to_itself_and_receives_at_each_qos(MqttProtocolVersion version, MqttQualityOfService qos)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        await using var client = await MqttClientConnection.ConnectAsync(Options(broker, "self", version), Collect(inbox), CancellationToken.None);

        Assert.Equal((MqttReasonCode)(byte)MqttQualityOfService.ExactlyOnce, await client.SubscribeAsync("test/self/#", MqttQualityOfService.ExactlyOnce));

        var reason = await client.PublishAsync("test/self/a", Encoding.UTF8.GetBytes("hello " + qos), qos).AsTask().WaitAsync(Patience);
        Assert.Equal(MqttReasonCode.Success, reason);

        var received = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(("test/self/a", "hello " + qos, qos), received);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Many_pipelined_qos1_and_qos2_publishes_are_all_acknowledged_and_delivered(MqttProtocolVersion version)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        // The subscriber speaks v5 in both cases: mosquitto 2.0.11 itself drops some of a burst of QoS 1/2 messages to a
        // 3.1.1 subscriber (mosquitto_sub -V mqttv311 misses them too), which is not what this test is about.
        await using var subscriber = await MqttClientConnection.ConnectAsync(Options(broker, "many-sub", MqttProtocolVersion.V500), Collect(inbox), CancellationToken.None);
        await subscriber.SubscribeAsync("test/many/#", MqttQualityOfService.ExactlyOnce);
        await using var publisher = await MqttClientConnection.ConnectAsync(Options(broker, "many-pub", version), null, CancellationToken.None);

        const int count = 2000;
        var publishes = Enumerable.Range(0, count)
            .Select(i => publisher.PublishAsync("test/many/" + (i % 7), Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), i % 2 == 0 ? MqttQualityOfService.AtLeastOnce : MqttQualityOfService.ExactlyOnce).AsTask())
            .ToArray();
        var reasons = await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(reasons, r => Assert.Equal(MqttReasonCode.Success, r));

        var seen = new HashSet<string>();
        while (seen.Count < count)
        {
            var next = inbox.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(next, Task.Delay(Patience)) != next)
            {
                Assert.Fail($"received {seen.Count} of {count}");
            }

            var (_, payload, _) = await next;
            Assert.True(seen.Add(payload), "duplicate " + payload);
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task The_will_is_delivered_when_the_connection_is_killed(MqttProtocolVersion version)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        await using var watcher = await MqttClientConnection.ConnectAsync(Options(broker, "watcher", version), Collect(inbox), CancellationToken.None);
        await watcher.SubscribeAsync("test/will/#", MqttQualityOfService.AtLeastOnce);

        var options = Options(broker, "doomed", version);
        await using var doomed = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = options.Host,
                Port = options.Port,
                ClientId = "doomed",
                Version = version,
                Will = new MqttClientWill("test/will/doomed", Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce),
            },
            null,
            CancellationToken.None);

        doomed.Abort();

        var received = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(("test/will/doomed", "offline", MqttQualityOfService.AtLeastOnce), received);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Pings_keep_an_idle_connection_open(MqttProtocolVersion version)
    {
        // mosquitto closes a connection silent for 1.5 × keep-alive; only PINGREQ keeps this one alive for 3.5 s.
        await using var broker = await MosquittoBroker.StartAsync();
        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        await using var client = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "idle", Version = version, KeepAlive = TimeSpan.FromSeconds(1) },
            Collect(inbox),
            CancellationToken.None);
        await client.SubscribeAsync("test/idle", MqttQualityOfService.AtLeastOnce);

        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.True(client.IsConnected);
        await client.PublishAsync("test/idle", Encoding.UTF8.GetBytes("still here"), MqttQualityOfService.AtLeastOnce).AsTask().WaitAsync(Patience);
        Assert.Equal("still here", (await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);
    }

    [Fact]
    public async Task A_clean_disconnect_discards_the_will()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        await using var watcher = await MqttClientConnection.ConnectAsync(Options(broker, "watcher", MqttProtocolVersion.V500), Collect(inbox), CancellationToken.None);
        await watcher.SubscribeAsync("test/will/#", MqttQualityOfService.AtLeastOnce);

        await using (var polite = await MqttClientConnection.ConnectAsync(
            new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = broker.Port,
                ClientId = "polite",
                Will = new MqttClientWill("test/will/polite", Encoding.UTF8.GetBytes("offline")),
            },
            null,
            CancellationToken.None))
        {
            await polite.DisconnectAsync();
        }

        // A marker published after the disconnect arrives first if no Will was sent in between.
        await watcher.PublishAsync("test/will/marker", Encoding.UTF8.GetBytes("marker"), MqttQualityOfService.AtLeastOnce);
        var received = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("test/will/marker", received.Topic);
    }

    [Fact]
    public async Task A_persistent_session_keeps_qos1_messages_while_the_client_is_away()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var persistent = new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = broker.Port,
            ClientId = "sleeper",
            CleanSession = false,
            SessionExpiry = TimeSpan.FromMinutes(5),
        };
        await using (var first = await MqttClientConnection.ConnectAsync(persistent, null, CancellationToken.None))
        {
            await first.SubscribeAsync("test/sleep/#", MqttQualityOfService.AtLeastOnce);
            await first.DisconnectAsync();
        }

        await broker.PublishWithMosquittoPubAsync("test/sleep/x", "while away");

        var inbox = Channel.CreateUnbounded<(string Topic, string Payload, MqttQualityOfService Qos)>();
        await using var second = await MqttClientConnection.ConnectAsync(persistent, Collect(inbox), CancellationToken.None);
        Assert.True(second.SessionPresent);
        var received = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(("test/sleep/x", "while away", MqttQualityOfService.AtLeastOnce), received);
    }

    [Fact]
    public async Task A_server_that_only_speaks_311_refuses_v5_with_unsupported_protocol_version()
    {
        // What a 3.1.1-only broker answers to a v5 CONNECT: a 3.1.1 CONNACK with return code 1, then it closes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[1024];
            await socket.ReceiveAsync(buffer);
            await socket.SendAsync(new byte[] { 0x20, 0x02, 0x00, 0x01 });
            socket.Shutdown(SocketShutdown.Both);
        });

        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => MqttClientConnection.ConnectAsync(
            new MqttClientOptions { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port, ClientId = "v5" },
            null,
            CancellationToken.None));
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, refused.ReasonCode);
        await server;
    }

    [Fact]
    public async Task Operations_fail_once_the_server_is_gone()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = await MqttClientConnection.ConnectAsync(Options(broker, "orphan", MqttProtocolVersion.V500), null, CancellationToken.None);

        await broker.StopAsync(graceful: false);

        await Assert.ThrowsAnyAsync<Exception>(() => client.Completion.WaitAsync(Patience));
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<MqttClientException>(() => client.PublishAsync("test/x", Array.Empty<byte>(), MqttQualityOfService.AtLeastOnce).AsTask());
    }

    private static MqttClientOptions Options(MosquittoBroker broker, string clientId, MqttProtocolVersion version) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = clientId,
        Version = version,
    };

    private static MqttClientMessageHandler Collect(Channel<(string Topic, string Payload, MqttQualityOfService Qos)> inbox) =>
        (message, _) =>
        {
            inbox.Writer.TryWrite((message.Topic, Encoding.UTF8.GetString(message.Payload), message.QualityOfService));
            return ValueTask.CompletedTask;
        };
}
