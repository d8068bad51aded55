using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class PacketLimitTests
{
    [Fact]
    public async Task A_topic_alias_set_once_is_used_for_later_publishes()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        await subscriber.SubscribeAsync("long/topic/name");
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V500, "pub");
        await publisher.PublishAsync("long/topic/name", "1", properties: new MqttOutboundProperties { TopicAlias = 3 });
        await publisher.PublishAsync("", "2", properties: new MqttOutboundProperties { TopicAlias = 3 });
        Assert.Equal("1", (await subscriber.ExpectAsync(MqttPacketType.Publish)).PayloadText);
        var second = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("long/topic/name", second.Topic);
        Assert.Equal("2", second.PayloadText);
    }

    [Fact]
    public async Task A_topic_alias_above_the_maximum_is_DISCONNECT_0x94()
    {
        // MQTT-3.3.2-9
        await using var harness = await EndpointHarness.StartAsync(o => o.TopicAliasMaximum = 4);
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.PublishAsync("t", "x", properties: new MqttOutboundProperties { TopicAlias = 5 });
        Assert.Equal(0x94, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
    }

    [Fact]
    public async Task A_topic_alias_0_is_DISCONNECT_0x94()
    {
        // MQTT-3.3.2-8: written by hand because the codec refuses to encode alias 0.
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SendRawAsync(0x30, 8, 0, 1, (byte)'t', 3, 0x23, 0, 0, (byte)'x');
        Assert.Equal(0x94, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
    }

    [Fact]
    public async Task An_unknown_topic_alias_with_an_empty_topic_is_a_protocol_error()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.PublishAsync("", "x", properties: new MqttOutboundProperties { TopicAlias = 2 });
        Assert.Equal(0x82, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
    }

    [Fact]
    public async Task A_packet_larger_than_the_maximum_packet_size_is_DISCONNECT_0x95()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumPacketSize = 1024);
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.PublishAsync("t", new string('x', 2000));
        Assert.Equal(0x95, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
        Assert.Equal(1, harness.Endpoint.Metrics.MalformedPackets);
    }

    [Fact]
    public async Task A_3_1_1_packet_larger_than_the_maximum_just_closes()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumPacketSize = 1024);
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        await client.PublishAsync("t", new string('x', 2000));
        Assert.Empty(await client.ExpectClosedAsync());
    }

    [Fact]
    public async Task Messages_larger_than_the_clients_maximum_packet_size_are_not_sent()
    {
        // MQTT-3.1.2-25
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "c1") { Properties = new() { MaximumPacketSize = 100 } });
        await client.SubscribeAsync("t", MqttQualityOfService.AtLeastOnce);
        await harness.Endpoint.PublishAsync(new("t", new byte[500]));
        await harness.Endpoint.PublishAsync(new("t", "small"u8.ToArray()));
        Assert.Equal("small", (await client.ExpectAsync(MqttPacketType.Publish)).PayloadText);
        Assert.Equal(1, harness.Endpoint.Metrics.MessagesDropped);
    }

    [Fact]
    public async Task A_malformed_packet_after_CONNECT_is_DISCONNECT_0x81_in_v5()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SendRawAsync(0x30, 5, 0, 10, (byte)'t', 0, 0); // topic length runs past the packet
        Assert.Equal(0x81, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
        await EndpointHarness.EventuallyAsync(() => harness.Authority.Closes.Any(c => c.Reason == SmartCity.Twin.Gateways.Mqtt.Broker.MqttConnectionCloseReason.ProtocolViolation));
    }

    [Fact]
    public async Task A_malformed_packet_in_3_1_1_closes_without_a_word()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        await client.SendRawAsync(0x32, 3, 0, 1, (byte)'t'); // QoS 1 without a packet identifier
        Assert.Empty(await client.ExpectClosedAsync());
    }

    [Fact]
    public async Task A_QoS_0_PUBLISH_with_DUP_set_is_malformed()
    {
        // MQTT-3.3.1-2
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        await client.SendRawAsync(0x38, 4, 0, 1, (byte)'t', (byte)'x');
        Assert.Empty(await client.ExpectClosedAsync());
    }

    [Fact]
    public async Task A_topic_name_with_wildcards_is_DISCONNECT_0x90_in_v5()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SendRawAsync(0x30, 5, 0, 2, (byte)'a', (byte)'#', 0);
        Assert.Equal(0x90, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
    }

    [Fact]
    public async Task More_unacknowledged_QoS_2_publishes_than_Receive_Maximum_is_DISCONNECT_0x93()
    {
        // MQTT-3.3.4-9
        await using var harness = await EndpointHarness.StartAsync(o => o.ReceiveMaximum = 2);
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        for (ushort id = 1; id <= 3; id++)
        {
            await client.PublishAsync("t", "x", MqttQualityOfService.ExactlyOnce, packetId: id);
        }

        var packets = await client.ExpectClosedAsync();
        Assert.Equal(MqttPacketType.PubRec, packets[0].Type);
        Assert.Equal(MqttPacketType.PubRec, packets[1].Type);
        Assert.Equal(0x93, packets[2].ReasonCode);
    }

    [Fact]
    public async Task An_oversized_Remaining_Length_before_CONNECT_is_cut_off_at_once()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromSeconds(30));
        await using var client = await harness.OpenAsync();
        await client.SendRawAsync(0x10, 0xFF, 0xFF, 0xFF, 0x7F);
        await client.ExpectClosedAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_hold_up_publishers_or_other_subscribers()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumQueuedMessagesPerSession = 100);
        await using var slow = await harness.OpenAsync();
        await slow.ConnectAsync(MqttProtocolVersion.V311, "slow");
        await slow.SubscribeAsync("flood");
        await using var fast = await harness.OpenAsync();
        await fast.ConnectAsync(MqttProtocolVersion.V311, "fast");
        await fast.SubscribeAsync("flood", MqttQualityOfService.AtLeastOnce);
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V311, "pub");
        var payload = new string('x', 8 * 1024);
        var reader = Task.Run(async () =>
        {
            // QoS 0 may be dropped for a subscriber that cannot keep up; the QoS 1 marker is not.
            while ((await fast.ExpectAsync(MqttPacketType.Publish, TimeSpan.FromSeconds(20))).PayloadText != "end")
            {
            }
        });
        for (var i = 0; i < 2000; i++)
        {
            await publisher.PublishAsync("flood", payload);
        }

        await publisher.PublishAsync("flood", "end", MqttQualityOfService.AtLeastOnce, packetId: 1);
        await publisher.ExpectAsync(MqttPacketType.PubAck, TimeSpan.FromSeconds(10));
        await reader.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.InRange(harness.Endpoint.SessionPending("slow"), 0, 100);
        Assert.True(harness.Endpoint.Metrics.MessagesDropped > 0);
    }
}
