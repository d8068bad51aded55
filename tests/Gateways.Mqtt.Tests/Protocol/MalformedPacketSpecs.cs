using SmartCity.Twin.Gateways.Mqtt.Protocol;
using static SmartCity.Twin.Gateways.Mqtt.Tests.Protocol.Raw;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Every broken packet is refused with the status and v5 reason code the server answers with.</summary>
public class MalformedPacketSpecs
{
    private const MqttProtocolVersion V311 = MqttProtocolVersion.V311;
    private const MqttProtocolVersion V500 = MqttProtocolVersion.V500;

    private static readonly byte[] ConnectHeader311 = [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04];
    private static readonly byte[] ConnectHeader500 = [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05];

    private static void AssertMalformed(byte[] bytes, MqttProtocolVersion version)
    {
        foreach (bool split in new[] { false, true })
        {
            MqttDecodeResult result = Decode(bytes, version, split);
            Assert.Equal(MqttDecodeStatus.Malformed, result.Status);
            Assert.Equal(MqttReasonCode.MalformedPacket, result.ReasonCode);
        }
    }

    private static void AssertProtocolError(byte[] bytes, MqttProtocolVersion version, MqttReasonCode reasonCode = MqttReasonCode.ProtocolError)
    {
        foreach (bool split in new[] { false, true })
        {
            MqttDecodeResult result = Decode(bytes, version, split);
            Assert.Equal(MqttDecodeStatus.ProtocolError, result.Status);
            Assert.Equal(reasonCode, result.ReasonCode);
        }
    }

    private static byte[] Publish(MqttProtocolVersion version, byte[] topic, params byte[] properties) =>
        version == V500 ? Packet(0x32, topic, U16(1), Props(properties)) : Packet(0x32, topic, U16(1));

    // ---- strings ----

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]             // invalid continuation byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // U+D800, a surrogate (MQTT-1.5.4-1)
    [InlineData(new byte[] { (byte)'a', 0x00, (byte)'b' })] // U+0000 (MQTT-1.5.4-2)
    [InlineData(new byte[] { 0xC0, 0xAF })]             // overlong '/'
    [InlineData(new byte[] { 0xE2, 0x82 })]             // truncated sequence
    public void A_topic_name_that_is_not_well_formed_utf8_is_malformed(byte[] topic)
    {
        AssertMalformed(Publish(V311, Bin(topic)), V311);
        AssertMalformed(Publish(V500, Bin(topic)), V500);
    }

    [Fact]
    public void A_user_property_with_u0000_is_malformed()
    {
        AssertMalformed(Publish(V500, Str("t"), [0x26, .. Str("k"), .. Bin(0x00)]), V500);
    }

    [Fact]
    public void A_string_longer_than_the_packet_is_malformed()
    {
        AssertMalformed(Packet(0x32, [0x00, 0x09, (byte)'a'], U16(1)), V311);
    }

    // ---- topics ----

    [Theory]
    [InlineData("a/+")]
    [InlineData("a/#")]
    [InlineData("+")]
    [InlineData("sport#")]
    public void A_topic_name_with_wildcards_is_refused_as_topic_name_invalid(string topic)
    {
        AssertProtocolError(Publish(V311, Str(topic)), V311, MqttReasonCode.TopicNameInvalid);
        AssertProtocolError(Publish(V500, Str(topic)), V500, MqttReasonCode.TopicNameInvalid);
    }

    [Fact]
    public void An_empty_topic_name_without_a_topic_alias_is_a_protocol_error()
    {
        AssertProtocolError(Publish(V500, Str("")), V500);
        AssertProtocolError(Publish(V311, Str("")), V311, MqttReasonCode.TopicNameInvalid);
    }

    [Theory]
    [InlineData("", V311)]
    [InlineData("", V500)]
    [InlineData("a/#/b", V311)]
    [InlineData("sport/tennis#", V500)]
    [InlineData("#/", V500)]
    [InlineData("sport+", V311)]
    [InlineData("sport/+tennis", V500)]
    [InlineData("$share//a", V500)]
    [InlineData("$share/g", V500)]
    [InlineData("$share/g/", V500)]
    [InlineData("$share/g+/a", V500)]
    [InlineData("$share/#/a", V500)]
    public void A_malformed_topic_filter_is_refused_as_topic_filter_invalid(string filter, MqttProtocolVersion version)
    {
        byte[] properties = version == V500 ? Props() : [];
        AssertProtocolError(Packet(0x82, U16(1), properties, Str(filter), [0x00]), version, MqttReasonCode.TopicFilterInvalid);
        AssertProtocolError(Packet(0xA2, U16(1), properties, Str(filter)), version, MqttReasonCode.TopicFilterInvalid);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("/")]
    [InlineData("+/+")]
    [InlineData("sport/+/player1")]
    [InlineData("sport/tennis/#")]
    [InlineData("$SYS/#")]
    [InlineData("$share/group/sport/#")]
    public void Well_formed_topic_filters_are_accepted(string filter)
    {
        Assert.True(Decode(Packet(0x82, U16(1), Props(), Str(filter), [0x01]), V500).IsSuccess);
        Assert.True(Decode(Packet(0x82, U16(1), Str(filter), [0x01]), V311).IsSuccess);
    }

    // ---- packet identifiers and empty lists ----

    [Fact]
    public void Packet_identifier_0_where_one_is_required_is_a_protocol_error()
    {
        AssertProtocolError(Packet(0x32, Str("t"), U16(0)), V311);
        AssertProtocolError(Packet(0x82, U16(0), Str("t"), [0x00]), V311);
        AssertProtocolError(Packet(0xA2, U16(0), Str("t")), V311);
        AssertProtocolError(Packet(0x40, U16(0)), V500);
        AssertProtocolError(Packet(0x62, U16(0)), V311);
        AssertProtocolError(Packet(0x90, U16(0), [0x00]), V311);
        AssertProtocolError(Packet(0xB0, U16(0)), V311);
    }

    [Fact]
    public void Subscribe_and_unsubscribe_without_topic_filters_are_protocol_errors()
    {
        AssertProtocolError(Packet(0x82, U16(1)), V311);
        AssertProtocolError(Packet(0x82, U16(1), Props()), V500);
        AssertProtocolError(Packet(0xA2, U16(1)), V311);
        AssertProtocolError(Packet(0xA2, U16(1), Props()), V500);
    }

    // ---- subscription options ----

    [Theory]
    [InlineData(0x04, V311)] // No Local does not exist in 3.1.1: reserved
    [InlineData(0x40, V500)] // bits 6–7 reserved
    [InlineData(0x80, V500)]
    [InlineData(0x03, V311)] // QoS 3
    [InlineData(0x03, V500)]
    public void Subscription_options_with_reserved_bits_or_qos_3_are_malformed(byte options, MqttProtocolVersion version)
    {
        byte[] properties = version == V500 ? Props() : [];
        AssertMalformed(Packet(0x82, U16(1), properties, Str("a"), [options]), version);
    }

    [Fact]
    public void Retain_handling_3_is_a_protocol_error()
    {
        AssertProtocolError(Packet(0x82, U16(1), Props(), Str("a"), [0x30]), V500);
    }

    [Fact]
    public void No_local_on_a_shared_subscription_is_a_protocol_error()
    {
        AssertProtocolError(Packet(0x82, U16(1), Props(), Str("$share/g/a"), [0x04]), V500);
    }

    [Fact]
    public void A_filter_without_its_options_byte_is_malformed()
    {
        AssertMalformed(Packet(0x82, U16(1), Str("a")), V311);
    }

    // ---- CONNECT ----

    [Fact]
    public void The_connect_reserved_flag_is_malformed()
    {
        AssertMalformed(Packet(0x10, ConnectHeader311, [0x03], U16(10), Str("c")), V311);
    }

    [Theory]
    [InlineData(0x08)] // Will QoS 1, no Will flag
    [InlineData(0x10)] // Will QoS 2, no Will flag
    [InlineData(0x20)] // Will retain, no Will flag
    [InlineData(0x1C)] // Will flag with QoS 3
    public void Will_qos_or_retain_without_the_will_flag_or_will_qos_3_is_malformed(byte flags)
    {
        AssertMalformed(Packet(0x10, ConnectHeader311, [(byte)(flags | 0x02)], U16(10), Str("c"), Str("w"), Bin(1)), V311);
    }

    [Fact]
    public void A_password_without_a_user_name_is_malformed_in_311_but_allowed_in_5()
    {
        AssertMalformed(Packet(0x10, ConnectHeader311, [0x42], U16(10), Str("c"), Bin(1)), V311);
        Assert.True(Decode(Packet(0x10, ConnectHeader500, [0x42], U16(10), Props(), Str("c"), Bin(1)), V500).IsSuccess);
    }

    [Fact]
    public void A_will_topic_with_wildcards_is_refused_as_topic_name_invalid()
    {
        AssertProtocolError(Packet(0x10, ConnectHeader311, [0x06], U16(10), Str("c"), Str("w/#"), Bin(1)), V311, MqttReasonCode.TopicNameInvalid);
    }

    [Fact]
    public void Bytes_after_the_connect_payload_are_malformed()
    {
        AssertMalformed(Packet(0x10, ConnectHeader311, [0x02], U16(10), Str("c"), [0x00]), V311);
    }

    [Theory]
    [InlineData("MQTT", 3, V311)]
    [InlineData("MQTT", 6, V500)]
    [InlineData("MQIsdp", 3, V311)]
    [InlineData("MQTX", 4, V311)]
    public void An_unknown_protocol_name_or_level_is_unsupported_and_keeps_the_level(string name, byte level, MqttProtocolVersion refusalVersion)
    {
        byte[] bytes = Packet(0x10, Str(name), [level, 0x02], U16(10), Str("c"));

        MqttDecodeResult result = MqttConnectPacket.TryDecode(Wire.Frame(bytes), out MqttConnectPacket packet);

        Assert.Equal(MqttDecodeStatus.UnsupportedProtocolVersion, result.Status);
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, result.ReasonCode);
        Assert.Equal(level, packet.ProtocolLevel);
        Assert.Equal(refusalVersion, packet.RefusalVersion);
    }

    // ---- properties ----

    [Fact]
    public void A_single_valued_property_sent_twice_is_a_protocol_error()
    {
        AssertProtocolError(Publish(V500, Str("t"), 0x02, 0, 0, 0, 1, 0x02, 0, 0, 0, 2), V500);
        AssertProtocolError(Packet(0x82, U16(1), Props(0x0B, 1, 0x0B, 2), Str("a"), [0x00]), V500);
    }

    [Fact]
    public void Repeated_user_properties_and_subscription_identifiers_in_a_publish_are_allowed()
    {
        Assert.True(Decode(Publish(V500, Str("t"), [0x0B, 1, 0x0B, 2, 0x26, .. Str("k"), .. Str("v"), 0x26, .. Str("k"), .. Str("v")]), V500).IsSuccess);
    }

    [Fact]
    public void A_property_not_allowed_in_the_packet_is_malformed()
    {
        AssertMalformed(Publish(V500, Str("t"), 0x11, 0, 0, 0, 1), V500);   // Session Expiry Interval in PUBLISH
        AssertMalformed(Packet(0x40, U16(1), [0x00], Props(0x23, 0, 1)), V500); // Topic Alias in PUBACK
        AssertMalformed(Packet(0x10, ConnectHeader500, [0x02], U16(10), Props(0x18, 0, 0, 0, 1), Str("c")), V500); // Will Delay in CONNECT
    }

    [Fact]
    public void An_unknown_property_is_malformed()
    {
        AssertMalformed(Publish(V500, Str("t"), 0x05, 0x00), V500);
        AssertMalformed(Publish(V500, Str("t"), 0x80, 0x01), V500);
    }

    [Fact]
    public void A_property_value_running_past_its_block_is_malformed()
    {
        AssertMalformed(Packet(0x32, Str("t"), U16(1), [0x03, 0x02, 0x00, 0x00], [0x00, 0x01]), V500);
        AssertMalformed(Packet(0x32, Str("t"), U16(1), [0x7F, 0x01]), V500);
    }

    [Fact]
    public void A_property_length_not_in_its_shortest_form_is_malformed()
    {
        AssertMalformed(Packet(0x32, Str("t"), U16(1), [0x80, 0x00]), V500);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x02 })]       // Payload Format Indicator 2
    [InlineData(new byte[] { 0x0B, 0x00 })]       // Subscription Identifier 0
    public void Out_of_range_property_values_in_a_publish_are_protocol_errors(byte[] property)
    {
        AssertProtocolError(Publish(V500, Str("t"), property), V500);
    }

    [Fact]
    public void Topic_alias_0_is_refused_as_topic_alias_invalid()
    {
        AssertProtocolError(Publish(V500, Str("t"), 0x23, 0x00, 0x00), V500, MqttReasonCode.TopicAliasInvalid);
    }

    [Theory]
    [InlineData(new byte[] { 0x21, 0x00, 0x00 })]             // Receive Maximum 0
    [InlineData(new byte[] { 0x27, 0x00, 0x00, 0x00, 0x00 })] // Maximum Packet Size 0
    [InlineData(new byte[] { 0x17, 0x02 })]                   // Request Problem Information 2
    [InlineData(new byte[] { 0x16, 0x00, 0x00 })]             // Authentication Data without Method
    public void Out_of_range_connect_properties_are_protocol_errors(byte[] property)
    {
        AssertProtocolError(Packet(0x10, ConnectHeader500, [0x02], U16(10), Props(property), Str("c")), V500);
    }

    [Fact]
    public void A_response_topic_with_wildcards_is_refused_as_topic_name_invalid()
    {
        AssertProtocolError(Publish(V500, Str("t"), [0x08, .. Str("reply/#")]), V500, MqttReasonCode.TopicNameInvalid);
    }

    // ---- other packets ----

    [Fact]
    public void Dup_on_a_qos_0_publish_is_a_protocol_error()
    {
        AssertProtocolError(Packet(0x38, Str("t")), V311);
    }

    [Fact]
    public void Bytes_after_a_311_acknowledgement_are_malformed()
    {
        AssertMalformed(Packet(0x40, U16(1), [0x00]), V311);
        AssertMalformed(Packet(0xB0, U16(1), [0x00]), V311);
        AssertMalformed(Packet(0xE0, [0x00]), V311);
    }

    [Fact]
    public void A_reason_code_not_defined_for_the_packet_is_malformed()
    {
        AssertMalformed(Packet(0x40, U16(1), [0x92]), V500); // PUBACK cannot say "packet identifier not found"
        AssertMalformed(Packet(0x62, U16(1), [0x10]), V500); // PUBREL cannot say "no matching subscribers"
        AssertMalformed(Packet(0xE0, [0x01]), V500);
        AssertMalformed(Packet(0x90, U16(1), Props(), [0x03]), V500);
        AssertMalformed(Packet(0x20, [0x00, 0x06]), V311);
    }

    [Fact]
    public void Connack_reserved_flags_are_malformed()
    {
        AssertMalformed(Packet(0x20, [0x02, 0x00]), V311);
    }

    [Fact]
    public void Auth_on_a_311_connection_is_malformed()
    {
        AssertMalformed(Packet(0xF0), V311);
        Assert.True(Decode(Packet(0xF0), V500).IsSuccess);
    }

    [Fact]
    public void A_ping_with_a_body_is_malformed()
    {
        AssertMalformed(Packet(0xC0, [0x00]), V500);
    }
}
