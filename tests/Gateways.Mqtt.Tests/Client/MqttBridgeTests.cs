using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Gateways.Devices.Bridge;
using SmartCity.Twin.Gateways.Devices.Topics;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Client;

/// <summary>The bridge against a real mosquitto: messages reach the twin's sink, and none is lost across restarts of either side.</summary>
public sealed class MqttBridgeTests
{
    private const string Telemetry = "city/v1/environment-sensor/aq-1/telemetry";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Telemetry_published_to_the_broker_reaches_the_sink()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var sink = new RecordingDeviceMessageSink();
        using var host = await StartBridgeAsync(broker, sink, "bridge-telemetry");
        await WaitConnectedAsync(host);

        await broker.PublishWithMosquittoPubAsync(Telemetry, """{"values":{"pm2_5":41.2}}""");

        var (topic, payload) = await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(Telemetry, topic);
        Assert.Equal("""{"values":{"pm2_5":41.2}}""", payload);
        await host.StopAsync();
    }

    [Fact]
    public async Task Refused_messages_are_counted_and_the_bridge_carries_on()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var sink = new RecordingDeviceMessageSink();
        using var host = await StartBridgeAsync(broker, sink, "bridge-refused");
        await WaitConnectedAsync(host);

        await broker.PublishWithMosquittoPubAsync("city/v1/bad/aq-1/telemetry", "not json");
        await broker.PublishWithMosquittoPubAsync(Telemetry, "after");

        var (_, payload) = await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("after", payload);
        var metrics = host.Services.GetRequiredService<MqttBridgeMetrics>();
        Assert.Equal(1, metrics.MessagesRefused);
        Assert.Equal(1, metrics.MessagesApplied);
        await host.StopAsync();
    }

    [Fact]
    public async Task Messages_published_while_the_bridge_is_down_arrive_when_it_is_back()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var sink = new RecordingDeviceMessageSink();
        using (var first = await StartBridgeAsync(broker, sink, "bridge-away"))
        {
            await WaitConnectedAsync(first);
            await first.StopAsync();
        }

        // QoS 1 into the bridge's persistent session while no silo is connected.
        for (var i = 0; i < 5; i++)
        {
            await broker.PublishWithMosquittoPubAsync(Telemetry, "queued " + i);
        }

        using var second = await StartBridgeAsync(broker, sink, "bridge-away");
        for (var i = 0; i < 5; i++)
        {
            var (_, payload) = await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            Assert.Equal("queued " + i, payload);
        }

        await second.StopAsync();
    }

    [Fact]
    public async Task The_bridge_reconnects_after_the_broker_restarts_and_gets_what_was_queued()
    {
        await using var broker = await MosquittoBroker.StartAsync(persistence: true);
        var sink = new RecordingDeviceMessageSink();
        using var host = await StartBridgeAsync(broker, sink, "bridge-restart");
        var metrics = host.Services.GetRequiredService<MqttBridgeMetrics>();
        await WaitConnectedAsync(host);

        await broker.PublishWithMosquittoPubAsync(Telemetry, "before");
        Assert.Equal("before", (await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);

        // The broker goes down (saving the bridge's session), comes back, and gets a message before the bridge is back:
        // the persistent session queues it and the reconnected bridge receives it.
        await broker.StopAsync(graceful: true);
        await Task.Delay(300);
        await broker.RestartAsync();
        await broker.PublishWithMosquittoPubAsync(Telemetry, "while reconnecting");

        Assert.Equal("while reconnecting", (await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);

        // A resumed session delivers queued messages right after CONNACK, possibly before the bridge's SUBSCRIBE is answered.
        var deadline = DateTime.UtcNow + Patience;
        while (metrics.Connects < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bridge did not count its reconnect");
            await Task.Delay(20);
        }

        await broker.PublishWithMosquittoPubAsync(Telemetry, "after");
        Assert.Equal("after", (await sink.Applied.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);
        await host.StopAsync();
    }

    [Fact]
    public void Without_a_url_nothing_is_registered()
    {
        var services = new ServiceCollection();
        services.AddMqttBridge(new ConfigurationBuilder().Build());
        Assert.Empty(services);
    }

    [Theory]
    [InlineData("mqtt://broker", "broker", 1883, false)]
    [InlineData("mqtt://broker:1884", "broker", 1884, false)]
    [InlineData("mqtts://broker", "broker", 8883, true)]
    [InlineData("tcp://10.0.0.5:1883", "10.0.0.5", 1883, false)]
    public void Urls_are_parsed_with_default_ports(string url, string host, int port, bool tls)
    {
        var endpoint = MqttBridgeEndpoint.Parse(url);
        Assert.Equal((host, port, tls), (endpoint.Host, endpoint.Port, endpoint.UseTls));
    }

    [Fact]
    public void Options_have_documented_defaults_and_topics_may_be_a_comma_separated_string()
    {
        var defaults = MqttBridgeOptions.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.False(defaults.IsEnabled);
        Assert.Equal(["city/v1/#"], defaults.Topics);
        Assert.StartsWith("smartcity-twin-", defaults.EffectiveClientId, StringComparison.Ordinal);

        var configured = MqttBridgeOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Bridge:Url"] = "mqtt://broker",
            ["Mqtt:Bridge:Topics"] = "city/v1/camera/#, city/v1/fire-alarm/#",
            ["Mqtt:Bridge:ClientId"] = "silo-a",
        }).Build());
        Assert.Equal(["city/v1/camera/#", "city/v1/fire-alarm/#"], configured.Topics);
        Assert.Equal("silo-a", configured.EffectiveClientId);
    }

    [Fact]
    public void Reconnect_delays_double_from_one_second_up_to_a_minute_with_jitter()
    {
        var bridge = new MqttBridge(new MqttBridgeOptions { Url = "mqtt://x" }, new RecordingDeviceMessageSink(), new MqttBridgeMetrics(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MqttBridge>.Instance);
        for (var failures = 0; failures < 12; failures++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, failures));
            var delay = bridge.ReconnectDelay(failures).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    private static async Task<IHost> StartBridgeAsync(MosquittoBroker broker, IDeviceMessageSink sink, string clientId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Bridge:Url"] = $"mqtt://127.0.0.1:{broker.Port}",
            ["Mqtt:Bridge:ClientId"] = clientId,
            ["Mqtt:Bridge:InitialReconnectDelay"] = "00:00:00.200",
            ["Mqtt:Bridge:MaximumReconnectDelay"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(sink);
        builder.Services.AddMqttBridge(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WaitConnectedAsync(IHost host)
    {
        // Connected and subscribed: the subscription is made right after CONNACK, so give it a moment after the count moves.
        var metrics = host.Services.GetRequiredService<MqttBridgeMetrics>();
        var deadline = DateTime.UtcNow + Patience;
        while (metrics.Connects == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bridge did not connect");
            await Task.Delay(20);
        }

        await Task.Delay(200);
    }
}
