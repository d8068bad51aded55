using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class WillTests
{
    private static MqttOutboundConnect WithWill(MqttProtocolVersion version, string clientId, uint willDelay = 0, uint sessionExpiry = 0, bool cleanStart = true) =>
        new(version, clientId, cleanStart)
        {
            Will = new MqttOutboundWill("status/" + clientId, "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce)
            {
                Properties = version == MqttProtocolVersion.V500 && willDelay > 0 ? new MqttOutboundProperties { WillDelayInterval = willDelay } : default,
            },
            Properties = version == MqttProtocolVersion.V500 && sessionExpiry > 0 ? new MqttOutboundProperties { SessionExpiryInterval = sessionExpiry } : default,
        };

    private static async Task<RawMqttClient> WatcherAsync(EndpointHarness harness)
    {
        var watcher = await harness.OpenAsync();
        await watcher.ConnectAsync(MqttProtocolVersion.V500, "watcher");
        await watcher.SubscribeAsync("status/#", MqttQualityOfService.AtLeastOnce);
        return watcher;
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task The_Will_is_published_when_the_connection_drops(MqttProtocolVersion version)
    {
        // MQTT-3.1.2-8
        await using var harness = await EndpointHarness.StartAsync();
        await using var watcher = await WatcherAsync(harness);
        var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(version, "dev"));
        device.Abort();
        var will = await watcher.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("status/dev", will.Topic);
        Assert.Equal("offline", will.PayloadText);
        Assert.Contains(harness.Authority.Publishes, p => p.IsWill);
        await EndpointHarness.EventuallyAsync(() => harness.Authority.Closes.Any(c => c.Reason == MqttConnectionCloseReason.ConnectionLost));
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task A_normal_DISCONNECT_discards_the_Will(MqttProtocolVersion version)
    {
        // MQTT-3.1.2-10 (3.1.1), MQTT-3.14.4-3 (5.0)
        await using var harness = await EndpointHarness.StartAsync();
        await using var watcher = await WatcherAsync(harness);
        await using var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(version, "dev"));
        await device.DisconnectAsync();
        await device.ExpectClosedAsync();
        await watcher.ExpectNothingAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Authority.Closes.Any(c => c.Reason == MqttConnectionCloseReason.ClientDisconnected));
    }

    [Theory]
    [InlineData(MqttReasonCode.DisconnectWithWillMessage)]
    [InlineData(MqttReasonCode.UnspecifiedError)]
    public async Task A_v5_DISCONNECT_with_a_reason_other_than_0x00_publishes_the_Will(MqttReasonCode reasonCode)
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var watcher = await WatcherAsync(harness);
        await using var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(MqttProtocolVersion.V500, "dev"));
        await device.DisconnectAsync(reasonCode);
        Assert.Equal("offline", (await watcher.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Fact]
    public async Task A_delayed_Will_is_published_after_the_Will_Delay_Interval()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(400));
        await using var watcher = await WatcherAsync(harness);
        var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(MqttProtocolVersion.V500, "dev", willDelay: 1, sessionExpiry: 60));
        device.Abort();
        await watcher.ExpectNothingAsync(TimeSpan.FromMilliseconds(700));
        Assert.Equal("offline", (await watcher.ExpectAsync(MqttPacketType.Publish, TimeSpan.FromSeconds(3))).PayloadText);
    }

    [Fact]
    public async Task A_reconnect_within_the_Will_Delay_cancels_the_Will()
    {
        // MQTT-3.1.3-9
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(400));
        await using var watcher = await WatcherAsync(harness);
        var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(MqttProtocolVersion.V500, "dev", willDelay: 1, sessionExpiry: 60));
        device.Abort();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 1);
        await using var again = await harness.OpenAsync();
        await again.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: false) { Properties = new() { SessionExpiryInterval = 60 } });
        await watcher.ExpectNothingAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_taken_over_connection_publishes_its_Will()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var watcher = await WatcherAsync(harness);
        await using var first = await harness.OpenAsync();
        await first.ConnectAsync(WithWill(MqttProtocolVersion.V311, "dev"));
        await using var second = await harness.OpenAsync();
        await second.ConnectAsync(MqttProtocolVersion.V311, "dev");
        Assert.Equal("offline", (await watcher.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Fact]
    public async Task Stopping_the_endpoint_disconnects_clients_with_0x8B_without_publishing_Wills()
    {
        var harness = await EndpointHarness.StartAsync();
        await using var device = await harness.OpenAsync();
        await device.ConnectAsync(WithWill(MqttProtocolVersion.V500, "dev"));
        await harness.Endpoint.StopAsync(CancellationToken.None);
        var packets = await device.ExpectClosedAsync();
        Assert.Equal(0x8B, Assert.Single(packets).ReasonCode);
        Assert.DoesNotContain(harness.Authority.Publishes, p => p.IsWill);
        Assert.Contains(harness.Authority.Closes, c => c.Reason == MqttConnectionCloseReason.ServerShutdown);
        await harness.DisposeAsync();
    }
}
