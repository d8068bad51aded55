using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

public sealed class ConnectTests
{
    [Fact]
    public async Task A_3_1_1_client_is_accepted_with_return_code_0()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        Assert.Equal(0, connAck.ReasonCode);
        Assert.False(connAck.SessionPresent);
        Assert.Equal(2, connAck.Body.Length);
        await EndpointHarness.EventuallyAsync(() => harness.Endpoint.ConnectedClients == 1);
    }

    [Fact]
    public async Task A_v5_CONNACK_states_the_servers_limits_and_unsupported_features()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.TopicAliasMaximum = 8);
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        Assert.Equal(0, connAck.ReasonCode);
        var properties = connAck.Properties;
        Assert.Equal((ushort)64, properties[0x21]); // Receive Maximum
        Assert.Equal(64u * 1024, properties[0x27]); // Maximum Packet Size
        Assert.Equal((ushort)8, properties[0x22]); // Topic Alias Maximum
        Assert.Equal((byte)1, properties[0x25]); // Retain Available
        Assert.Equal((byte)1, properties[0x28]); // Wildcard Subscription Available
        Assert.Equal((byte)0, properties[0x29]); // Subscription Identifiers Available
        Assert.Equal((byte)0, properties[0x2A]); // Shared Subscription Available
        Assert.False(properties.ContainsKey(0x24)); // Maximum QoS absent: QoS 2 supported
        Assert.False(properties.ContainsKey(0x12)); // no Assigned Client Identifier for a named client
    }

    [Fact]
    public async Task A_v5_client_with_an_empty_client_id_gets_an_assigned_identifier()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(MqttProtocolVersion.V500, "");
        Assert.Equal(0, connAck.ReasonCode);
        Assert.False(string.IsNullOrEmpty((string)connAck.Properties[0x12])); // MQTT-3.2.2-16
    }

    [Fact]
    public async Task A_3_1_1_empty_client_id_with_clean_session_0_is_rejected_with_0x02()
    {
        // MQTT-3.1.3-8
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(MqttProtocolVersion.V311, "", cleanStart: false);
        Assert.Equal(0x02, connAck.ReasonCode);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task A_3_1_1_empty_client_id_with_clean_session_1_is_accepted()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(MqttProtocolVersion.V311, "", cleanStart: true);
        Assert.Equal(0, connAck.ReasonCode);
    }

    [Fact]
    public async Task An_unsupported_protocol_level_gets_CONNACK_0x01_and_is_closed()
    {
        // MQTT-3.1.2-2: MQTT 3.1 ("MQIsdp", level 3)
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        byte[] connect = [0x10, 14, 0, 6, (byte)'M', (byte)'Q', (byte)'I', (byte)'s', (byte)'d', (byte)'p', 3, 0x02, 0, 60, 0, 0];
        await client.SendRawAsync(connect);
        var connAck = await client.ExpectAsync(MqttPacketType.ConnAck);
        Assert.Equal(0x01, connAck.ReasonCode);
        await client.ExpectClosedAsync();
        Assert.Equal(1, harness.Endpoint.Metrics.ConnectionsRefused);
    }

    [Fact]
    public async Task A_first_packet_other_than_CONNECT_closes_the_connection()
    {
        // MQTT-3.1.0-1
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.SendRawAsync(0xC0, 0x00);
        Assert.Empty(await client.ExpectClosedAsync());
    }

    [Fact]
    public async Task A_second_CONNECT_is_a_protocol_error()
    {
        // MQTT-3.1.0-2
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1");
        await client.SendAsync(w => MqttPacketWriter.WriteConnect(w, new MqttOutboundConnect(MqttProtocolVersion.V500, "c1")));
        var packets = await client.ExpectClosedAsync();
        Assert.Equal(0x82, Assert.Single(packets).ReasonCode);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, 0x04)]
    [InlineData(MqttProtocolVersion.V500, 0x86)]
    public async Task A_refusal_by_the_authority_is_sent_in_CONNACK_and_closes(MqttProtocolVersion version, byte expected)
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(new MqttOutboundConnect(version, "c1") { UserName = "bad", Password = "x"u8.ToArray() });
        Assert.Equal(expected, connAck.ReasonCode);
        await client.ExpectClosedAsync();
        Assert.Equal(0, harness.Endpoint.ConnectedClients);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, 0x03)]
    [InlineData(MqttProtocolVersion.V500, 0x80)]
    public async Task An_authority_that_throws_gives_an_unspecified_error(MqttProtocolVersion version, byte expected)
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(new MqttOutboundConnect(version, "c1") { UserName = "throw" });
        Assert.Equal(expected, connAck.ReasonCode);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task A_connection_that_never_completes_CONNECT_is_cut_off_at_the_connect_timeout()
    {
        await using var harness = await EndpointHarness.StartAsync(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(500));
        await using var client = await harness.OpenAsync();
        var started = DateTime.UtcNow;
        await client.SendRawAsync(0x10, 0x20, 0x00);
        await client.ExpectClosedAsync(TimeSpan.FromSeconds(5));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task PINGREQ_is_answered_with_PINGRESP()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1");
        await client.SendAsync(w => MqttPacketWriter.WritePingReq(w));
        await client.ExpectAsync(MqttPacketType.PingResp);
    }

    [Fact]
    public async Task A_silent_client_is_disconnected_after_one_and_a_half_keep_alives()
    {
        // MQTT-3.1.2-24 (3.1.1: MQTT-3.1.2-24 as well)
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V500, "c1", keepAlive: 1);
        var started = DateTime.UtcNow;
        var packets = await client.ExpectClosedAsync(TimeSpan.FromSeconds(5));
        var elapsed = DateTime.UtcNow - started;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(3));
        Assert.Equal(0x8D, Assert.Single(packets).ReasonCode);
        await EndpointHarness.EventuallyAsync(() => harness.Authority.Closes.Any(c => c.Reason == SmartCity.Twin.Gateways.Mqtt.Broker.MqttConnectionCloseReason.KeepAliveTimeout));
    }

    [Fact]
    public async Task A_client_that_pings_within_its_keep_alive_stays_connected()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1", keepAlive: 2);
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1000);
            await client.SendAsync(w => MqttPacketWriter.WritePingReq(w));
            await client.ExpectAsync(MqttPacketType.PingResp);
        }
    }

    [Fact]
    public async Task Keep_alive_0_never_times_out()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        await client.ConnectAsync(MqttProtocolVersion.V311, "c1", keepAlive: 0);
        await client.ExpectNothingAsync(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task A_v5_enhanced_authentication_method_is_refused_with_0x8C()
    {
        await using var harness = await EndpointHarness.StartAsync();
        await using var client = await harness.OpenAsync();
        var connAck = await client.ConnectAsync(new MqttOutboundConnect(MqttProtocolVersion.V500, "c1") { Properties = new() { AuthenticationMethod = "SCRAM-SHA-1" } });
        Assert.Equal(0x8C, connAck.ReasonCode);
    }
}
