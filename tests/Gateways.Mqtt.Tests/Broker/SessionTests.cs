using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class SessionTests
{
    [Fact]
    public async Task A_persistent_session_keeps_subscriptions_and_queues_QoS_1_while_offline()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var first = await harness.OpenAsync();
        await first.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: false);
        await first.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
        await first.DisconnectAsync();
        await first.ExpectClosedAsync();
        await first.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);

        await harness.Endpoint.PublishAsync(new("q", "queued-1"u8.ToArray()));
        await harness.Endpoint.PublishAsync(new("q", "dropped-qos0"u8.ToArray(), MqttQualityOfService.AtMostOnce));
        await harness.Endpoint.PublishAsync(new("q", "queued-2"u8.ToArray()));

        await using var second = await harness.OpenAsync();
        var connAck = await second.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: false);
        Assert.True(connAck.SessionPresent); // MQTT-3.2.2-2
        Assert.Equal("queued-1", (await second.ExpectAsync(MqttPacketType.Publish)).PayloadText);
        Assert.Equal("queued-2", (await second.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Fact]
    public async Task Clean_start_discards_the_previous_session()
    {
        // MQTT-3.1.2-4 (5.0), MQTT-3.1.2-6 (3.1.1)
        await using var harness = await EndpointHarness.StartAsync();
        var first = await harness.OpenAsync();
        await first.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: false);
        await first.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
        await first.DisconnectAsync();
        await first.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);

        await using var second = await harness.OpenAsync();
        var connAck = await second.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: true);
        Assert.False(connAck.SessionPresent);
        await harness.Endpoint.PublishAsync(new("q", "x"u8.ToArray()));
        await second.ExpectNothingAsync();
        Assert.Equal(0, harness.Endpoint.Subscriptions.Count);
    }

    [Fact]
    public async Task Unacknowledged_messages_are_resent_with_DUP_on_reconnect_and_PUBREL_is_resent()
    {
        // MQTT-4.4.0-1, MQTT-3.3.1-1
        await using var harness = await EndpointHarness.StartAsync();
        var first = await harness.OpenAsync();
        await first.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: true) { Properties = new() { SessionExpiryInterval = 300 } });
        await first.SubscribeAsync("q", MqttQualityOfService.ExactlyOnce);
        await harness.Endpoint.PublishAsync(new("q", "one"u8.ToArray(), MqttQualityOfService.AtLeastOnce));
        await harness.Endpoint.PublishAsync(new("q", "two"u8.ToArray(), MqttQualityOfService.ExactlyOnce));
        var one = await first.ExpectAsync(MqttPacketType.Publish);
        var two = await first.ExpectAsync(MqttPacketType.Publish);
        await first.AcknowledgeAsync(MqttPacketType.PubRec, two.PacketId);
        await first.ExpectAsync(MqttPacketType.PubRel);
        first.Abort();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);

        await using var second = await harness.OpenAsync();
        var connAck = await second.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: false) { Properties = new() { SessionExpiryInterval = 300 } });
        Assert.True(connAck.SessionPresent);
        var resent = await second.ExpectAsync(MqttPacketType.Publish);
        Assert.True(resent.Duplicate);
        Assert.Equal(one.PacketId, resent.PacketId);
        Assert.Equal("one", resent.PayloadText);
        var release = await second.ExpectAsync(MqttPacketType.PubRel);
        Assert.Equal(two.PacketId, release.PacketId);
        await second.AcknowledgeAsync(MqttPacketType.PubAck, one.PacketId);
        await second.AcknowledgeAsync(MqttPacketType.PubComp, two.PacketId);
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.SessionInflight("dev") == 0);
    }

    [Fact]
    public async Task The_outbound_window_is_the_clients_Receive_Maximum()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev") { Properties = new() { ReceiveMaximum = 2 } });
        await client.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
        for (var i = 0; i < 5; i++)
        {
            await harness.Endpoint.PublishAsync(new("q", new[] { (byte)('0' + i) }));
        }

        var a = await client.ExpectAsync(MqttPacketType.Publish);
        await client.ExpectAsync(MqttPacketType.Publish);
        await client.ExpectNothingAsync();
        await client.AcknowledgeAsync(MqttPacketType.PubAck, a.PacketId);
        Assert.Equal("2", (await client.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Fact]
    public async Task A_second_connection_with_the_same_client_id_takes_the_session_over()
    {
        // MQTT-3.1.4-3: the old connection gets DISCONNECT 0x8E and is closed.
        await using var harness = await EndpointHarness.StartAsync();
        await using var first = await harness.OpenAsync();
        await first.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: false) { Properties = new() { SessionExpiryInterval = 60 } });
        await first.SubscribeAsync("t", MqttQualityOfService.AtLeastOnce);
        await using var second = await harness.OpenAsync();
        var connAck = await second.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: false) { Properties = new() { SessionExpiryInterval = 60 } });
        Assert.True(connAck.SessionPresent);
        var packets = await first.ExpectClosedAsync();
        Assert.Equal(0x8E, Assert.Single(packets).ReasonCode);
        await EndpointHarness.EventuallyAsync(() => harness.Authority.Closes.Any(c => c.Reason == MqttConnectionCloseReason.SessionTakenOver));
        await harness.Endpoint.PublishAsync(new("t", "x"u8.ToArray()));
        Assert.Equal("x", (await second.ExpectAsync(MqttPacketType.Publish)).PayloadText);
        Assert.Equal(1, harness.Endpoint.ConnectedClients);
    }

    [Fact]
    public async Task An_expired_session_is_removed_by_the_timer()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(400));
        var client = await harness.OpenAsync();
        await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: true) { Properties = new() { SessionExpiryInterval = 1 } });
        await client.SubscribeAsync("t");
        await client.DisconnectAsync();
        await client.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);
        Assert.Equal(1, harness.Endpoint.SessionCount);
        // The housekeeping timer drops the session, then its subscriptions: a reader between the two sees one without the other.
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.SessionCount == 0 && harness.Endpoint.Subscriptions.Count == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_v5_session_with_expiry_0_ends_at_disconnect()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "dev", cleanStart: false);
        await client.SubscribeAsync("t");
        await client.DisconnectAsync();
        await client.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.SessionCount == 0);
    }

    [Fact]
    public async Task Setting_a_session_expiry_in_DISCONNECT_after_0_in_CONNECT_is_a_protocol_error()
    {
        // MQTT-3.14.2-2
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "dev");
        await client.DisconnectAsync(properties: new MqttOutboundProperties { SessionExpiryInterval = 30 });
        var packets = await client.ExpectClosedAsync();
        Assert.Equal(0x82, Assert.Single(packets).ReasonCode);
    }

    [Fact]
    public async Task The_session_queue_is_bounded_and_drops_the_oldest()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumQueuedMessagesPerSession = 3);
        var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: false);
        await client.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
        await client.DisconnectAsync();
        await client.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);
        for (var i = 0; i < 10; i++)
        {
            await harness.Endpoint.PublishAsync(new("q", new[] { (byte)('0' + i) }));
        }

        Assert.Equal(3, harness.Endpoint.SessionPending("dev"));
        Assert.Equal(7, harness.Endpoint.Metrics.MessagesDropped);
        await using var again = await harness.OpenAsync();
        await again.ConnectAsync(MqttProtocolVersion.V311, "dev", cleanStart: false);
        Assert.Equal("7", (await again.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Fact]
    public async Task Message_expiry_counts_down_while_queued_and_expired_messages_are_dropped()
    {
        // MQTT-3.3.2-5, MQTT-3.3.2-6
        await using var harness = await EndpointHarness.StartAsync();
        var client = await harness.OpenAsync();
        await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: true) { Properties = new() { SessionExpiryInterval = 60 } });
        await client.SubscribeAsync("q", MqttQualityOfService.AtLeastOnce);
        await client.DisconnectAsync();
        await client.DisposeAsync();
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 0);
        await harness.Endpoint.PublishAsync(new("q", "short"u8.ToArray(), MessageExpiryInterval: TimeSpan.FromSeconds(1)));
        await harness.Endpoint.PublishAsync(new("q", "long"u8.ToArray(), MessageExpiryInterval: TimeSpan.FromSeconds(10)));
        await Task.Delay(1500);
        await using var again = await harness.OpenAsync();
        await again.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev", CleanStart: false) { Properties = new() { SessionExpiryInterval = 60 } });
        var publish = await again.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("long", publish.PayloadText);
        Assert.InRange((uint)publish.Properties[0x02], 1u, 9u);
    }

    [Fact]
    public async Task A_CONNECT_that_would_exceed_the_session_limit_is_refused_with_0x97()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumSessions = 1);
        await using var first = await harness.OpenAsync();
        Assert.Equal(0, (await first.ConnectAsync(MqttProtocolVersion.V500, "one")).ReasonCode);
        await using var second = await harness.OpenAsync();
        Assert.Equal(0x97, (await second.ConnectAsync(MqttProtocolVersion.V500, "two")).ReasonCode);
        await second.ExpectClosedAsync();
    }

    [Fact]
    public async Task A_session_expiry_above_the_servers_maximum_is_capped_and_reported_in_CONNACK()
    {
        // MQTT 5.0 3.2.2.3.2: the server's Session Expiry Interval replaces the client's.
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumSessionExpiry = TimeSpan.FromMinutes(10));
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "dev") { Properties = new() { SessionExpiryInterval = uint.MaxValue } });
        Assert.Equal(600u, connAck.Properties[0x11]);
    }
}
