using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class RetainedMessageTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task A_retained_message_is_sent_to_a_new_subscriber_with_RETAIN_set(MqttProtocolVersion version)
    {
        // MQTT-3.3.1-6, MQTT-3.3.1-8
        await using var harness = await EndpointHarness.StartAsync();
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(version, "pub");
        await publisher.PublishAsync("r/state", "on", MqttQualityOfService.AtLeastOnce, retain: true, packetId: 1);
        await publisher.ExpectAsync(MqttPacketType.PubAck);

        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(version, "sub");
        await subscriber.SubscribeAsync("r/#", MqttQualityOfService.AtLeastOnce);
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.True(publish.Retain);
        Assert.Equal("on", publish.PayloadText);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, publish.QualityOfService);
    }

    [Fact]
    public async Task A_retained_message_routed_to_an_existing_subscription_has_RETAIN_cleared()
    {
        // MQTT-3.3.1-9 (3.1.1: MQTT-3.3.1-9 too)
        await using var harness = await EndpointHarness.StartAsync();
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V311, "sub");
        await subscriber.SubscribeAsync("r");
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V311, "pub");
        await publisher.PublishAsync("r", "x", retain: true);
        Assert.False((await subscriber.ExpectAsync(MqttPacketType.Publish)).Retain);
    }

    [Fact]
    public async Task Retain_As_Published_keeps_the_RETAIN_flag()
    {
        // MQTT-3.3.1-12
        await using var harness = await EndpointHarness.StartAsync();
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        await subscriber.SubscribeAsync("r", options: new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce, RetainAsPublished: true));
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V500, "pub");
        await publisher.PublishAsync("r", "x", retain: true);
        Assert.True((await subscriber.ExpectAsync(MqttPacketType.Publish)).Retain);
    }

    [Fact]
    public async Task An_empty_retained_payload_deletes_the_retained_message()
    {
        // MQTT-3.3.1-10/11 (3.1.1), MQTT-3.3.1-6/7 (5.0)
        await using var harness = await EndpointHarness.StartAsync();
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V311, "pub");
        await publisher.PublishAsync("r", "x", retain: true);
        await publisher.PublishAsync("r", "", retain: true);
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.Retained.Count == 0);
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V311, "sub");
        await subscriber.SubscribeAsync("r");
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Retain_Handling_2_sends_no_retained_messages()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await harness.Endpoint.PublishAsync(new("r", "x"u8.ToArray(), MqttQualityOfService.AtMostOnce, Retain: true));
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        await subscriber.SubscribeAsync("r", options: new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce, RetainHandling: MqttRetainHandling.DoNotSend));
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Retain_Handling_1_sends_retained_messages_only_for_a_new_subscription()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await harness.Endpoint.PublishAsync(new("r", "x"u8.ToArray(), MqttQualityOfService.AtMostOnce, Retain: true));
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        var options = new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce, RetainHandling: MqttRetainHandling.SendAtSubscribeIfNew);
        await subscriber.SubscribeAsync("r", options: options);
        Assert.True((await subscriber.ExpectAsync(MqttPacketType.Publish)).Retain);
        await subscriber.SubscribeAsync("r", options: options);
        await subscriber.ExpectNothingAsync();
    }

    [Fact]
    public async Task Retain_Handling_0_sends_retained_messages_on_every_subscribe()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await harness.Endpoint.PublishAsync(new("r", "x"u8.ToArray(), MqttQualityOfService.AtMostOnce, Retain: true));
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        await subscriber.SubscribeAsync("r");
        await subscriber.ExpectAsync(MqttPacketType.Publish);
        await subscriber.SubscribeAsync("r");
        await subscriber.ExpectAsync(MqttPacketType.Publish);
    }

    [Fact]
    public async Task Retained_messages_beyond_the_quota_are_not_stored()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.MaximumRetainedMessages = 2);
        for (var i = 0; i < 5; i++)
        {
            await harness.Endpoint.PublishAsync(new($"r/{i}", "x"u8.ToArray(), MqttQualityOfService.AtMostOnce, Retain: true));
        }

        Assert.Equal(2, harness.Endpoint.Retained.Count);
    }

    [Fact]
    public async Task An_expired_retained_message_is_no_longer_sent()
    {
        // MQTT-3.3.2-5
        await using var harness = await EndpointHarness.StartAsync();
        await using var publisher = await harness.OpenAsync();
        await publisher.ConnectAsync(MqttProtocolVersion.V500, "pub");
        await publisher.PublishAsync("r/short", "x", retain: true, properties: new MqttOutboundProperties { MessageExpiryInterval = 1 });
        await publisher.PublishAsync("r/long", "y", retain: true, properties: new MqttOutboundProperties { MessageExpiryInterval = 60 });
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.Retained.Count == 2);
        await Task.Delay(1300);
        await using var subscriber = await harness.OpenAsync();
        await subscriber.ConnectAsync(MqttProtocolVersion.V500, "sub");
        await subscriber.SubscribeAsync("r/#");
        var publish = await subscriber.ExpectAsync(MqttPacketType.Publish);
        Assert.Equal("y", publish.PayloadText);
        Assert.InRange((uint)publish.Properties[0x02], 1u, 59u);
        await subscriber.ExpectNothingAsync();
    }
}
