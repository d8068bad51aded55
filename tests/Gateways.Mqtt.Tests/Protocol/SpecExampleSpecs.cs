using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using static SmartCity.Twin.Gateways.Mqtt.Tests.Protocol.Raw;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Byte sequences from the specifications' non-normative examples, decoded and re-encoded.</summary>
public class SpecExampleSpecs
{
    // 3.1.1 3.1.2.10: "MQTT", level 4, flags 0xCE (user name, password, Will QoS 1, Will, Clean Session), keep alive 10.
    private static readonly byte[] VariableHeader311 = [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0xCE, 0x00, 0x0A];

    // 5.0 3.1.2.12: as above with level 5 and a property block holding Session Expiry Interval 10.
    private static readonly byte[] VariableHeader500 =
        [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05, 0xCE, 0x00, 0x0A, 0x05, 0x11, 0x00, 0x00, 0x00, 0x0A];

    [Fact]
    public void The_version_311_connect_example_decodes()
    {
        byte[] bytes = Packet(0x10, VariableHeader311, Str("c1"), Str("w"), Bin((byte)'m'), Str("u"), Bin((byte)'p'));

        MqttDecodeResult result = MqttConnectPacket.TryDecode(Wire.Frame(bytes), out MqttConnectPacket packet);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(MqttProtocolVersion.V311, packet.Version);
        Assert.True(packet.CleanStart);
        Assert.Equal(10, packet.KeepAlive);
        Assert.True(packet.HasWill);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, packet.WillQualityOfService);
        Assert.False(packet.WillRetain);
        Assert.Equal("c1", Wire.Text(packet.ClientIdentifier));
        Assert.Equal("w", Wire.Text(packet.WillTopic));
        Assert.Equal("u", Wire.Text(packet.UserName));
        Assert.Equal("p"u8.ToArray(), Wire.Bytes(packet.Password));
    }

    [Fact]
    public void The_version_311_connect_example_is_what_the_writer_produces()
    {
        byte[] expected = Packet(0x10, VariableHeader311, Str("c1"), Str("w"), Bin((byte)'m'), Str("u"), Bin((byte)'p'));
        var connect = new MqttOutboundConnect(MqttProtocolVersion.V311, "c1", CleanStart: true, KeepAlive: 10)
        {
            UserName = "u", Password = "p"u8.ToArray(), Will = new MqttOutboundWill("w", "m"u8.ToArray(), MqttQualityOfService.AtLeastOnce),
        };

        Assert.Equal(expected, Wire.Encode(w => MqttPacketWriter.WriteConnect(w, connect)));
    }

    [Fact]
    public void The_version_5_connect_example_decodes_and_re_encodes()
    {
        byte[] bytes = Packet(0x10, VariableHeader500, Str("c1"), Props(), Str("w"), Bin((byte)'m'), Str("u"), Bin((byte)'p'));

        MqttDecodeResult result = MqttConnectPacket.TryDecode(Wire.Frame(bytes), out MqttConnectPacket packet);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(MqttProtocolVersion.V500, packet.Version);
        Assert.Equal(10u, packet.Properties.SessionExpiryInterval);
        var connect = new MqttOutboundConnect(MqttProtocolVersion.V500, "c1", CleanStart: true, KeepAlive: 10)
        {
            UserName = "u", Password = "p"u8.ToArray(), Will = new MqttOutboundWill("w", "m"u8.ToArray(), MqttQualityOfService.AtLeastOnce),
            Properties = new MqttOutboundProperties { SessionExpiryInterval = 10 },
        };
        Assert.Equal(bytes, Wire.Encode(w => MqttPacketWriter.WriteConnect(w, connect)));
    }

    [Fact]
    public void A_publish_to_a_b_with_packet_identifier_10_has_the_311_variable_header_of_the_specification()
    {
        // 3.1.1 3.3.2.3: Topic Name "a/b", Packet Identifier 10.
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WritePublish(
            w, MqttProtocolVersion.V311, "a/b", MqttQualityOfService.AtLeastOnce, 10, false, false, ReadOnlySequence<byte>.Empty));

        Assert.Equal(new byte[] { 0x32, 0x07, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0x00, 0x0A }, bytes);
    }

    [Fact]
    public void The_subscribe_payload_example_decodes_with_its_requested_qos()
    {
        // 3.1.1 3.8.3: "a/b" QoS 1, "c/d" QoS 2.
        byte[] bytes = Packet(0x82, U16(10), Str("a/b"), [0x01], Str("c/d"), [0x02]);

        Assert.True(MqttSubscribePacket.TryDecode(Wire.Frame(bytes), MqttProtocolVersion.V311, out MqttSubscribePacket packet).IsSuccess);
        var qos = new List<MqttQualityOfService>();
        foreach (MqttTopicFilterView entry in packet.GetTopicFilters())
        {
            qos.Add(entry.Options.MaximumQualityOfService);
        }

        Assert.Equal(new[] { MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce }, qos);
    }

    [Fact]
    public void The_suback_payload_example_decodes()
    {
        // 3.1.1 3.9.3: Success QoS 0, Success QoS 2, Failure.
        byte[] bytes = [0x90, 0x05, 0x00, 0x0A, 0x00, 0x02, 0x80];

        Assert.True(MqttSubAckPacket.TryDecode(Wire.Frame(bytes), MqttProtocolVersion.V311, out MqttSubAckPacket packet).IsSuccess);
        Assert.Equal(new byte[] { 0x00, 0x02, 0x80 }, packet.ReasonCodes.ToArray());
    }
}
