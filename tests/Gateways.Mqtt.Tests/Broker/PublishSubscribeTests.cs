using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class PublishSubscribeTests
{
    private static async Task<(RawMqttClient Publisher, RawMqttClient Subscriber)> PairAsync(EndpointHarness harness, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(version, "pub");
        var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(version, "sub");
        return (publisher, subscriber);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task A_QoS_0_publish_reaches_a_matching_subscriber(MqttProtocolVersion version)
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness, version);
        await using var _ = publisher;
        await using var __ = subscriber;
        var subAck = await subscriber.SubscribeAsync("city/+/pm25");
        Assert.Equal([0], subAck.ReasonCodes);
        await publisher.PublishAsync("city/dong-hung/pm25", "41.2");
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("city/dong-hung/pm25", publish.Topic);
        Assert.Equal("41.2", publish.PayloadText);
        Assert.Equal(MqttQualityOfService.AtMostOnce, publish.QualityOfService);
        Assert.False(publish.Retain);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task A_QoS_1_publish_is_acknowledged_after_the_policy_and_delivered_at_QoS_1(MqttProtocolVersion version)
    {
        await using var harness = await EndpointHarness.StartAsync();
        harness.Authority.PublishDelay = TimeSpan.FromMilliseconds(100);
        var (publisher, subscriber) = await PairAsync(harness, version);
        await using var _ = publisher;
        await using var __ = subscriber;
        Assert.Equal([1], (await subscriber.SubscribeAsync("a/#", MqttQualityOfService.AtLeastOnce)).ReasonCodes);
        await publisher.PublishAsync("a/b", "x", MqttQualityOfService.AtLeastOnce, packetId: 7);
        var ack = await publisher.ExpectAsync(MqttPacketType.PubAck);
        Assert.Equal(7, ack.PacketId);
        Assert.Single(harness.Authority.Publishes); // the twin had it before PUBACK
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, publish.QualityOfService);
        Assert.NotEqual(0, publish.PacketId);
        await subscriber.AcknowledgeAsync(MqttPacketType.PubAck, publish.PacketId);
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.SessionInflight("sub") == 0);
    }

    [Fact]
    public async Task PUBACKs_are_sent_in_the_order_the_PUBLISHes_arrived()
    {
        // MQTT-4.6.0-2
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        for (ushort id = 1; id <= 50; id++)
        {
            await client.PublishAsync("t", "x", MqttQualityOfService.AtLeastOnce, packetId: id);
        }

        for (ushort id = 1; id <= 50; id++)
        {
            Assert.Equal(id, (await client.ExpectAsync(MqttPacketType.PubAck)).PacketId);
        }
    }

    [Fact]
    public async Task A_QoS_2_publish_is_delivered_once_even_when_resent_before_PUBREL()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("q2", MqttQualityOfService.ExactlyOnce);
        await publisher.PublishAsync("q2", "once", MqttQualityOfService.ExactlyOnce, packetId: 3);
        Assert.Equal(3, (await publisher.ExpectAsync(MqttPacketType.PubRec)).PacketId);
        await publisher.PublishAsync("q2", "once", MqttQualityOfService.ExactlyOnce, packetId: 3, duplicate: true);
        Assert.Equal(3, (await publisher.ExpectAsync(MqttPacketType.PubRec)).PacketId);
        await publisher.AcknowledgeAsync(MqttPacketType.PubRel, 3);
        var comp = await publisher.ExpectAsync(MqttPacketType.PubComp);
        Assert.Equal(0, comp.ReasonCode);

        // Outbound QoS 2: PUBLISH, PUBREC -> PUBREL, PUBCOMP.
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal(MqttQualityOfService.ExactlyOnce, publish.QualityOfService);
        await subscriber.AcknowledgeAsync(MqttPacketType.PubRec, publish.PacketId);
        var release = await subscriber.ExpectAsync(MqttPacketType.PubRel);
        Assert.Equal(publish.PacketId, release.PacketId);
        await subscriber.AcknowledgeAsync(MqttPacketType.PubComp, publish.PacketId);
        await subscriber.ExpectNothingAsync();
        Assert.Single(harness.Authority.Publishes, p => p.Topic == "q2");
    }

    [Fact]
    public async Task A_PUBREL_for_an_unknown_packet_id_gets_PUBCOMP_0x92_in_v5()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.AcknowledgeAsync(MqttPacketType.PubRel, 99);
        Assert.Equal(0x92, (await client.ExpectAsync(MqttPacketType.PubComp)).ReasonCode);
    }

    [Fact]
    public async Task Granted_QoS_is_the_requested_QoS_and_delivery_uses_the_lower_of_publish_and_subscription()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        Assert.Equal([2], (await subscriber.SubscribeAsync("g", MqttQualityOfService.ExactlyOnce)).ReasonCodes);
        await publisher.PublishAsync("g", "x", MqttQualityOfService.AtLeastOnce, packetId: 1);
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, publish.QualityOfService);
    }

    [Fact]
    public async Task Overlapping_subscriptions_deliver_once_at_the_highest_QoS()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("o/#", MqttQualityOfService.AtMostOnce);
        await subscriber.SubscribeAsync("o/+", MqttQualityOfService.AtLeastOnce);
        await publisher.PublishAsync("o/x", "x", MqttQualityOfService.ExactlyOnce, packetId: 1);
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, publish.QualityOfService);
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Wildcards_at_the_first_level_do_not_match_dollar_topics()
    {
        // MQTT-4.7.2-1
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("#");
        await subscriber.SubscribeAsync("+/info");
        await publisher.PublishAsync("$SYS/info", "x");
        await subscriber.ExpectNothingAsync();
        await subscriber.SubscribeAsync("$SYS/#");
        await publisher.PublishAsync("$SYS/info", "y");
        Assert.Equal("y", (await subscriber.ExpectAsync(MqttPacketType.Publish)).PayloadText);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, 0x80)]
    [InlineData(MqttProtocolVersion.V500, 0x87)]
    public async Task A_subscription_the_policy_refuses_gets_a_failure_code(MqttProtocolVersion version, byte expected)
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(version, "c1");
        Assert.Equal([expected], (await client.SubscribeAsync("forbidden/x")).ReasonCodes);
        Assert.Equal(1, harness.Endpoint.Metrics.SubscriptionsRefused);
    }

    [Fact]
    public async Task A_v5_publish_the_policy_refuses_gets_its_reason_code_and_is_not_routed()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("forbidden-watch/#");
        await subscriber.SubscribeAsync("#");
        await publisher.PublishAsync("forbidden/x", "x", MqttQualityOfService.AtLeastOnce, packetId: 5);
        var ack = await publisher.ExpectAsync(MqttPacketType.PubAck);
        Assert.Equal(0x87, ack.ReasonCode);
        await subscriber.ExpectNothingAsync();
        Assert.Equal(1, harness.Endpoint.Metrics.PublishesRefused);
    }

    [Fact]
    public async Task A_3_1_1_publish_the_policy_refuses_is_still_acknowledged_and_dropped()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        await client.PublishAsync("forbidden/x", "x", MqttQualityOfService.AtLeastOnce, packetId: 5);
        var ack = await client.ExpectAsync(MqttPacketType.PubAck);
        Assert.Equal(2, ack.Body.Length);
    }

    [Fact]
    public async Task A_policy_that_throws_gives_PUBACK_0x80_and_the_connection_survives()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.PublishAsync("throw/x", "x", MqttQualityOfService.AtLeastOnce, packetId: 5);
        Assert.Equal(0x80, (await client.ExpectAsync(MqttPacketType.PubAck)).ReasonCode);
        await client.SendAsync(w => MqttPacketWriter.WritePingReq(w));
        await client.ExpectAsync(MqttPacketType.PingResp);
    }

    [Fact]
    public async Task A_rewritten_subscription_delivers_under_the_topic_the_client_asked_for()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var device = await harness.OpenAsync();
        await device.ConnectAsync(MqttProtocolVersion.V311, "dev1");
        await device.SubscribeAsync("me/#");
        var delivered = await harness.Endpoint.PublishAsync(new MqttApplicationMessage("devices/dev1/commands", "reboot"u8.ToArray(), MqttQualityOfService.AtMostOnce));
        Assert.Equal(1, delivered);
        var publish = await device.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("me/commands", publish.Topic);
        Assert.Equal("reboot", publish.PayloadText);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, new byte[0])]
    [InlineData(MqttProtocolVersion.V500, new byte[] { 0x00 })]
    public async Task Unsubscribe_stops_delivery(MqttProtocolVersion version, byte[] expected)
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness, version);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("u");
        Assert.Equal(expected, (await subscriber.UnsubscribeAsync("u")).ReasonCodes);
        await publisher.PublishAsync("u", "x");
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Unsubscribing_a_filter_never_subscribed_gets_0x11_in_v5()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        Assert.Equal([0x11], (await client.UnsubscribeAsync("never")).ReasonCodes);
    }

    [Fact]
    public async Task No_Local_keeps_a_clients_own_publishes_from_it()
    {
        // MQTT-3.8.3-3
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SubscribeAsync("n", options: new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce, NoLocal: true));
        await client.PublishAsync("n", "x");
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task Shared_subscriptions_are_refused_with_0x9E()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        Assert.Equal([0x9E], (await client.SubscribeAsync("$share/g/t")).ReasonCodes);
    }

    [Fact]
    public async Task Subscription_identifiers_are_refused_with_0xA1()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        var ack = await client.SubscribeAsync("t", properties: new MqttOutboundProperties { SubscriptionIdentifiers = new[] { 5 } });
        Assert.Equal([0xA1], ack.ReasonCodes);
    }

    [Theory]
    // "a#b" breaks MQTT-4.7.1-1; SUBACK 0x8F is for filters "correctly formed but not allowed" (MQTT 5.0 3.9.3), so the
    // codec refuses the packet itself.
    [InlineData(0x8F, new byte[] { 0x82, 0, 0, 1, 0, 0, 3, (byte)'a', (byte)'#', (byte)'b', 0 })]
    // MQTT-3.8.3-4: No Local on a shared subscription is a Protocol Error (not a SUBACK 0x9E).
    [InlineData(0x82, new byte[] { 0x82, 0, 0, 1, 0, 0, 10, (byte)'$', (byte)'s', (byte)'h', (byte)'a', (byte)'r', (byte)'e', (byte)'/', (byte)'g', (byte)'/', (byte)'t', 0x04 })]
    // MQTT-3.3.4-6: only the server sends Subscription Identifiers; the codec reads both directions, the endpoint refuses.
    [InlineData(0x82, new byte[] { 0x30, 0, 0, 1, (byte)'t', 2, 0x0B, 7, (byte)'x' })]
    public async Task A_refused_v5_packet_ends_the_connection_with_its_reason_code(byte reasonCode, byte[] packet)
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        packet[1] = (byte)(packet.Length - 2);
        await client.SendRawAsync(packet);
        Assert.Equal(reasonCode, Assert.Single(await client.ExpectClosedAsync()).ReasonCode);
    }

    [Fact]
    public async Task A_server_publish_reaches_subscribers_and_counts_them()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SubscribeAsync("cmd/#", MqttQualityOfService.AtLeastOnce);
        var count = await harness.Endpoint.PublishAsync(new MqttApplicationMessage("cmd/x", "go"u8.ToArray(), ContentType: "text/plain", MessageExpiryInterval: TimeSpan.FromMinutes(1)));
        Assert.Equal(1, count);
        var publish = await client.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, publish.QualityOfService);
        Assert.Equal("text/plain", publish.Properties[0x03]);
        Assert.InRange((uint)publish.Properties[0x02], 59u, 60u);
    }

    [Fact]
    public async Task User_properties_and_content_type_are_forwarded()
    {
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("p");
        await publisher.PublishAsync("p", "x", properties: new MqttOutboundProperties { ContentType = "application/json", ResponseTopic = "reply/1", UserProperties = new[] { new MqttUserProperty("k", "v") } });
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("application/json", publish.Properties[0x03]);
        Assert.Equal("reply/1", publish.Properties[0x08]);
        Assert.Contains((byte)0x26, publish.Body);
    }

    [Fact]
    public async Task Payload_format_and_correlation_data_are_forwarded_for_request_response()
    {
        // MQTT-3.3.2-4, MQTT-3.3.2-16
        await using var harness = await EndpointHarness.StartAsync();
        var (publisher, subscriber) = await PairAsync(harness);
        await using var _ = publisher;
        await using var __ = subscriber;
        await subscriber.SubscribeAsync("req");
        await publisher.PublishAsync("req", "x", properties: new MqttOutboundProperties { PayloadFormatIndicator = 1, ResponseTopic = "resp", CorrelationData = new byte[] { 1, 2, 3 } });
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal((byte)1, publish.Properties[0x01]);
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])publish.Properties[0x09]);
        Assert.Equal("resp", publish.Properties[0x08]);
    }

    [Fact]
    public async Task A_3_1_1_subscriber_gets_v5_messages_without_properties()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V311, "sub");
        await subscriber.SubscribeAsync("mixed", MqttQualityOfService.AtLeastOnce);
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V500, "pub");
        await publisher.PublishAsync("mixed", "hello", MqttQualityOfService.AtLeastOnce, packetId: 1, properties: new MqttOutboundProperties { ContentType = "text/plain", UserProperties = new[] { new MqttUserProperty("k", "v") } });
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("hello", publish.PayloadText);
        Assert.Equal(2 + 5 + 2 + 5, publish.Body.Length);
    }
}
