using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Every packet, both versions, contiguous and split one byte per segment: what is written is what is read.</summary>
public class RoundTripSpecs
{
    public static TheoryData<MqttProtocolVersion, bool> Versions => new()
    {
        { MqttProtocolVersion.V311, false },
        { MqttProtocolVersion.V311, true },
        { MqttProtocolVersion.V500, false },
        { MqttProtocolVersion.V500, true },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Connect_with_will_user_name_and_password_round_trips(MqttProtocolVersion version, bool split)
    {
        var connect = new MqttOutboundConnect(version, "tb-aq-01", CleanStart: false, KeepAlive: 30)
        {
            UserName = "tb-aq-01",
            Password = new byte[] { 1, 2, 3 },
            Will = new MqttOutboundWill("devices/tb-aq-01/status", "offline"u8.ToArray(), MqttQualityOfService.AtLeastOnce, Retain: true)
            {
                Properties = new MqttOutboundProperties { WillDelayInterval = 5, ContentType = "text/plain" },
            },
            Properties = new MqttOutboundProperties
            {
                SessionExpiryInterval = 3600, ReceiveMaximum = 10, MaximumPacketSize = 65_536, TopicAliasMaximum = 4,
                RequestProblemInformation = 0, RequestResponseInformation = 1,
                UserProperties = new[] { new MqttUserProperty("site", "Thái Bình") },
            },
        };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteConnect(w, connect));
        Assert.Equal(MqttPacketWriter.MeasureConnect(connect), bytes.Length);

        MqttDecodeResult result = MqttConnectPacket.TryDecode(Wire.Frame(bytes, split), out MqttConnectPacket packet);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(version, packet.Version);
        Assert.False(packet.CleanStart);
        Assert.Equal(30, packet.KeepAlive);
        Assert.Equal("tb-aq-01", Wire.Text(packet.ClientIdentifier));
        Assert.True(packet.HasWill);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, packet.WillQualityOfService);
        Assert.True(packet.WillRetain);
        Assert.Equal("devices/tb-aq-01/status", Wire.Text(packet.WillTopic));
        Assert.Equal("offline"u8.ToArray(), Wire.Bytes(packet.WillPayload));
        Assert.True(packet.HasUserName);
        Assert.Equal("tb-aq-01", Wire.Text(packet.UserName));
        Assert.True(packet.HasPassword);
        Assert.Equal(new byte[] { 1, 2, 3 }, Wire.Bytes(packet.Password));
        if (version == MqttProtocolVersion.V500)
        {
            Assert.Equal(3600u, packet.Properties.SessionExpiryInterval);
            Assert.Equal((ushort)10, packet.Properties.ReceiveMaximum);
            Assert.Equal(65_536u, packet.Properties.MaximumPacketSize);
            Assert.Equal((ushort)4, packet.Properties.TopicAliasMaximum);
            Assert.Equal((byte)0, packet.Properties.RequestProblemInformation);
            Assert.Equal((byte)1, packet.Properties.RequestResponseInformation);
            Assert.Equal(1, packet.Properties.UserPropertyCount);
            foreach (MqttUserPropertyView property in packet.Properties.GetUserProperties())
            {
                Assert.Equal(new MqttUserProperty("site", "Thái Bình"), property.ToUserProperty());
            }

            Assert.Equal(5u, packet.WillProperties.WillDelayInterval);
            Assert.Equal("text/plain", Wire.Text(packet.WillProperties.ContentType));
        }
        else
        {
            Assert.True(packet.Properties.IsEmpty);
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Connect_with_an_empty_client_identifier_and_nothing_else_round_trips(MqttProtocolVersion version, bool split)
    {
        var connect = new MqttOutboundConnect(version, "");
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteConnect(w, connect));

        Assert.True(MqttConnectPacket.TryDecode(Wire.Frame(bytes, split), out MqttConnectPacket packet).IsSuccess);
        Assert.True(packet.ClientIdentifier.IsEmpty);
        Assert.True(packet.CleanStart);
        Assert.False(packet.HasWill || packet.HasUserName || packet.HasPassword);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void ConnAck_round_trips(MqttProtocolVersion version, bool split)
    {
        var properties = new MqttOutboundProperties
        {
            AssignedClientIdentifier = "auto-1", ServerKeepAlive = 60, ReceiveMaximum = 64, TopicAliasMaximum = 32, MaximumQoS = 1,
            RetainAvailable = 1, MaximumPacketSize = 262_144, WildcardSubscriptionAvailable = 1, SubscriptionIdentifierAvailable = 1,
            SharedSubscriptionAvailable = 0, SessionExpiryInterval = 100, ResponseInformation = "resp/", ServerReference = "other",
            ReasonString = "ok", AuthenticationMethod = "SCRAM", AuthenticationData = new byte[] { 9 },
        };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteConnAck(w, version, true, MqttReasonCode.Success, properties));
        Assert.Equal(MqttPacketWriter.MeasureConnAck(version, MqttReasonCode.Success, properties), bytes.Length);

        Assert.True(MqttConnAckPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttConnAckPacket packet).IsSuccess);
        Assert.True(packet.SessionPresent);
        Assert.Equal(MqttReasonCode.Success, packet.ReasonCode);
        if (version == MqttProtocolVersion.V500)
        {
            MqttProperties p = packet.Properties;
            Assert.Equal("auto-1", Wire.Text(p.AssignedClientIdentifier));
            Assert.Equal((ushort)60, p.ServerKeepAlive);
            Assert.Equal((ushort)64, p.ReceiveMaximum);
            Assert.Equal((ushort)32, p.TopicAliasMaximum);
            Assert.Equal((byte)1, p.MaximumQoS);
            Assert.Equal((byte)1, p.RetainAvailable);
            Assert.Equal(262_144u, p.MaximumPacketSize);
            Assert.Equal((byte)1, p.WildcardSubscriptionAvailable);
            Assert.Equal((byte)1, p.SubscriptionIdentifierAvailable);
            Assert.Equal((byte)0, p.SharedSubscriptionAvailable);
            Assert.Equal(100u, p.SessionExpiryInterval);
            Assert.Equal("resp/", Wire.Text(p.ResponseInformation));
            Assert.Equal("other", Wire.Text(p.ServerReference));
            Assert.Equal("ok", Wire.Text(p.ReasonString));
            Assert.Equal("SCRAM", Wire.Text(p.AuthenticationMethod));
            Assert.Equal(new byte[] { 9 }, Wire.Bytes(p.AuthenticationData));
        }
    }

    [Theory]
    [InlineData(MqttReasonCode.UnsupportedProtocolVersion, 1)]
    [InlineData(MqttReasonCode.ClientIdentifierNotValid, 2)]
    [InlineData(MqttReasonCode.ServerUnavailable, 3)]
    [InlineData(MqttReasonCode.BadUserNameOrPassword, 4)]
    [InlineData(MqttReasonCode.NotAuthorized, 5)]
    public void A_refusing_ConnAck_to_a_version_311_client_carries_the_nearest_return_code(MqttReasonCode reasonCode, byte returnCode)
    {
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteConnAck(w, MqttProtocolVersion.V311, true, reasonCode));

        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, returnCode }, bytes);
        Assert.True(MqttConnAckPacket.TryDecode(Wire.Frame(bytes), MqttProtocolVersion.V311, out MqttConnAckPacket packet).IsSuccess);
        Assert.Equal(reasonCode, packet.ReasonCode);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Publish_of_each_QoS_round_trips(MqttProtocolVersion version, bool split)
    {
        foreach (MqttQualityOfService qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce })
        {
            byte[] payload = new byte[300];
            new Random(1).NextBytes(payload);
            ushort id = qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : (ushort)4242;
            var properties = new MqttOutboundProperties
            {
                PayloadFormatIndicator = 1, MessageExpiryInterval = 120, ContentType = "application/json", ResponseTopic = "reply/tb-aq-01",
                CorrelationData = new byte[] { 7, 7 }, TopicAlias = 3, SubscriptionIdentifiers = new[] { 1, 268_435_455, 300 },
                UserProperties = new[] { new MqttUserProperty("a", "1"), new MqttUserProperty("a", "2") },
            };
            var payloadSequence = new ReadOnlySequence<byte>(payload);
            byte[] bytes = Wire.Encode(w => MqttPacketWriter.WritePublish(
                w, version, "city/thai-binh/aq", qos, id, retain: true, duplicate: qos != MqttQualityOfService.AtMostOnce, payloadSequence, properties));
            Assert.Equal(MqttPacketWriter.MeasurePublish(version, "city/thai-binh/aq", qos, payload.Length, properties), bytes.Length);

            MqttDecodeResult result = MqttPublishPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttPublishPacket packet);

            Assert.True(result.IsSuccess, result.ToString());
            Assert.Equal("city/thai-binh/aq", packet.GetTopic());
            Assert.Equal(qos, packet.QualityOfService);
            Assert.Equal(id, packet.PacketIdentifier);
            Assert.True(packet.Retain);
            Assert.Equal(qos != MqttQualityOfService.AtMostOnce, packet.Duplicate);
            Assert.Equal(payload, packet.Payload.ToArray());
            if (version == MqttProtocolVersion.V500)
            {
                MqttProperties p = packet.Properties;
                Assert.Equal((byte)1, p.PayloadFormatIndicator);
                Assert.Equal(120u, p.MessageExpiryInterval);
                Assert.Equal("application/json", Wire.Text(p.ContentType));
                Assert.Equal("reply/tb-aq-01", Wire.Text(p.ResponseTopic));
                Assert.Equal(new byte[] { 7, 7 }, Wire.Bytes(p.CorrelationData));
                Assert.Equal((ushort)3, p.TopicAlias);
                var identifiers = new List<int>();
                foreach (int identifier in p.GetSubscriptionIdentifiers())
                {
                    identifiers.Add(identifier);
                }

                Assert.Equal(new[] { 1, 268_435_455, 300 }, identifiers);
                var values = new List<string>();
                foreach (MqttUserPropertyView property in p.GetUserProperties())
                {
                    values.Add(Wire.Text(property.Name) + "=" + Wire.Text(property.Value));
                }

                Assert.Equal(new[] { "a=1", "a=2" }, values);
            }
        }
    }

    [Fact]
    public void Publish_from_a_pre_encoded_topic_is_byte_identical_to_one_from_a_string()
    {
        var payload = new ReadOnlySequence<byte>("42"u8.ToArray());
        byte[] fromString = Wire.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "đường/phố", MqttQualityOfService.AtLeastOnce, 1, false, false, payload));
        byte[] fromBytes = Wire.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "đường/phố"u8, MqttQualityOfService.AtLeastOnce, 1, false, false, payload));
        Assert.Equal(fromString, fromBytes);
    }

    [Fact]
    public void A_v5_publish_with_an_empty_topic_and_a_topic_alias_decodes()
    {
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WritePublish(
            w, MqttProtocolVersion.V500, ReadOnlySpan<byte>.Empty, MqttQualityOfService.AtMostOnce, 0, false, false, ReadOnlySequence<byte>.Empty,
            new MqttOutboundProperties { TopicAlias = 1 }));

        Assert.True(MqttPublishPacket.TryDecode(Wire.Frame(bytes), MqttProtocolVersion.V500, out MqttPublishPacket packet).IsSuccess);
        Assert.True(packet.Topic.IsEmpty);
        Assert.Equal((ushort)1, packet.Properties.TopicAlias);
        Assert.True(packet.Payload.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void PubAck_PubRec_PubRel_and_PubComp_round_trip(MqttProtocolVersion version, bool split)
    {
        foreach (MqttPacketType type in new[] { MqttPacketType.PubAck, MqttPacketType.PubRec, MqttPacketType.PubRel, MqttPacketType.PubComp })
        {
            MqttReasonCode code = type is MqttPacketType.PubRel or MqttPacketType.PubComp ? MqttReasonCode.PacketIdentifierNotFound : MqttReasonCode.NotAuthorized;
            var properties = new MqttOutboundProperties { ReasonString = "nope" };
            foreach ((MqttReasonCode reason, MqttOutboundProperties props) in new[] { (MqttReasonCode.Success, default(MqttOutboundProperties)), (code, default), (code, properties) })
            {
                byte[] bytes = Wire.Encode(w => MqttPacketWriter.WritePublishAcknowledgement(w, version, type, 65_535, reason, props));
                Assert.Equal(MqttPacketWriter.MeasurePublishAcknowledgement(version, reason, props), bytes.Length);

                MqttDecodeResult result = MqttPublishAcknowledgementPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttPublishAcknowledgementPacket packet);

                Assert.True(result.IsSuccess, result.ToString());
                Assert.Equal(type, packet.PacketType);
                Assert.Equal((ushort)65_535, packet.PacketIdentifier);
                if (version == MqttProtocolVersion.V500)
                {
                    Assert.Equal(reason, packet.ReasonCode);
                    Assert.Equal(props.ReasonString ?? "<absent>", Wire.Text(packet.Properties.ReasonString));
                }
                else
                {
                    Assert.Equal(4, bytes.Length);
                }
            }
        }
    }

    [Fact]
    public void A_v5_PubAck_with_success_and_no_properties_uses_the_two_byte_form()
    {
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WritePublishAcknowledgement(w, MqttProtocolVersion.V500, MqttPacketType.PubAck, 1));
        Assert.Equal(new byte[] { 0x40, 0x02, 0x00, 0x01 }, bytes);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Subscribe_round_trips(MqttProtocolVersion version, bool split)
    {
        MqttTopicSubscription[] subscriptions =
        [
            new("city/+/aq/#", new MqttSubscriptionOptions(MqttQualityOfService.AtLeastOnce)),
            new("#", new MqttSubscriptionOptions(MqttQualityOfService.ExactlyOnce)),
            new("a/b", new MqttSubscriptionOptions(MqttQualityOfService.AtMostOnce, NoLocal: version == MqttProtocolVersion.V500,
                RetainAsPublished: version == MqttProtocolVersion.V500,
                RetainHandling: version == MqttProtocolVersion.V500 ? MqttRetainHandling.DoNotSend : MqttRetainHandling.SendAtSubscribe)),
        ];
        var properties = new MqttOutboundProperties { SubscriptionIdentifiers = new[] { 77 } };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteSubscribe(w, version, 9, subscriptions, properties));
        Assert.Equal(MqttPacketWriter.MeasureSubscribe(version, subscriptions, properties), bytes.Length);

        MqttDecodeResult result = MqttSubscribePacket.TryDecode(Wire.Frame(bytes, split), version, out MqttSubscribePacket packet);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal((ushort)9, packet.PacketIdentifier);
        Assert.Equal(3, packet.Count);
        var decoded = new List<MqttTopicSubscription>();
        foreach (MqttTopicFilterView entry in packet.GetTopicFilters())
        {
            decoded.Add(new MqttTopicSubscription(entry.GetTopicFilter(), entry.Options));
        }

        Assert.Equal(subscriptions, decoded);
        Assert.Equal(version == MqttProtocolVersion.V500 ? 77 : null, packet.Properties.SubscriptionIdentifier);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void SubAck_round_trips(MqttProtocolVersion version, bool split)
    {
        MqttReasonCode[] codes = [MqttReasonCode.GrantedQoS1, MqttReasonCode.Success, MqttReasonCode.GrantedQoS2, MqttReasonCode.NotAuthorized];
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteSubAck(w, version, 9, codes, new MqttOutboundProperties { ReasonString = "r" }));
        Assert.Equal(MqttPacketWriter.MeasureSubAck(version, codes.Length, new MqttOutboundProperties { ReasonString = "r" }), bytes.Length);

        Assert.True(MqttSubAckPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttSubAckPacket packet).IsSuccess);
        Assert.Equal((ushort)9, packet.PacketIdentifier);
        byte refused = version == MqttProtocolVersion.V500 ? (byte)0x87 : (byte)0x80;
        Assert.Equal(new byte[] { 1, 0, 2, refused }, packet.ReasonCodes.ToArray());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Unsubscribe_round_trips(MqttProtocolVersion version, bool split)
    {
        string[] filters = ["city/+/aq/#", "x"];
        var properties = new MqttOutboundProperties { UserProperties = new[] { new MqttUserProperty("k", "v") } };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteUnsubscribe(w, version, 10, filters, properties));
        Assert.Equal(MqttPacketWriter.MeasureUnsubscribe(version, filters, properties), bytes.Length);

        Assert.True(MqttUnsubscribePacket.TryDecode(Wire.Frame(bytes, split), version, out MqttUnsubscribePacket packet).IsSuccess);
        Assert.Equal((ushort)10, packet.PacketIdentifier);
        var decoded = new List<string>();
        foreach (MqttTopicFilterView entry in packet.GetTopicFilters())
        {
            decoded.Add(entry.GetTopicFilter());
        }

        Assert.Equal(filters, decoded);
        Assert.Equal(version == MqttProtocolVersion.V500 ? 1 : 0, packet.Properties.UserPropertyCount);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void UnsubAck_round_trips(MqttProtocolVersion version, bool split)
    {
        MqttReasonCode[] codes = [MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted];
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteUnsubAck(w, version, 10, codes));
        Assert.Equal(MqttPacketWriter.MeasureUnsubAck(version, codes.Length), bytes.Length);

        Assert.True(MqttUnsubAckPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttUnsubAckPacket packet).IsSuccess);
        Assert.Equal((ushort)10, packet.PacketIdentifier);
        Assert.Equal(version == MqttProtocolVersion.V500 ? new byte[] { 0x00, 0x11 } : [], packet.ReasonCodes.ToArray());
    }

    [Fact]
    public void PingReq_and_PingResp_are_two_bytes_each()
    {
        byte[] request = Wire.Encode(w => MqttPacketWriter.WritePingReq(w));
        byte[] response = Wire.Encode(w => MqttPacketWriter.WritePingResp(w));

        Assert.Equal(new byte[] { 0xC0, 0x00 }, request);
        Assert.Equal(new byte[] { 0xD0, 0x00 }, response);
        Assert.True(MqttPingPacket.TryDecode(Wire.Frame(request)).IsSuccess);
        Assert.True(MqttPingPacket.TryDecode(Wire.Frame(response)).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Disconnect_round_trips(MqttProtocolVersion version, bool split)
    {
        var properties = new MqttOutboundProperties { ReasonString = "bye", SessionExpiryInterval = 0, ServerReference = "elsewhere" };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteDisconnect(w, version, MqttReasonCode.ServerShuttingDown, properties));
        Assert.Equal(MqttPacketWriter.MeasureDisconnect(version, MqttReasonCode.ServerShuttingDown, properties), bytes.Length);

        Assert.True(MqttDisconnectPacket.TryDecode(Wire.Frame(bytes, split), version, out MqttDisconnectPacket packet).IsSuccess);
        if (version == MqttProtocolVersion.V500)
        {
            Assert.Equal(MqttReasonCode.ServerShuttingDown, packet.ReasonCode);
            Assert.Equal("bye", Wire.Text(packet.Properties.ReasonString));
            Assert.Equal("elsewhere", Wire.Text(packet.Properties.ServerReference));
            Assert.Equal(0u, packet.Properties.SessionExpiryInterval);
        }
        else
        {
            Assert.Equal(new byte[] { 0xE0, 0x00 }, bytes);
        }
    }

    [Fact]
    public void Auth_round_trips()
    {
        var properties = new MqttOutboundProperties { AuthenticationMethod = "SCRAM-SHA-1", AuthenticationData = new byte[] { 1, 2 }, ReasonString = "more" };
        byte[] bytes = Wire.Encode(w => MqttPacketWriter.WriteAuth(w, MqttReasonCode.ContinueAuthentication, properties));
        Assert.Equal(MqttPacketWriter.MeasureAuth(MqttReasonCode.ContinueAuthentication, properties), bytes.Length);

        Assert.True(MqttAuthPacket.TryDecode(Wire.Frame(bytes, oneBytePerSegment: true), MqttProtocolVersion.V500, out MqttAuthPacket packet).IsSuccess);
        Assert.Equal(MqttReasonCode.ContinueAuthentication, packet.ReasonCode);
        Assert.Equal("SCRAM-SHA-1", Wire.Text(packet.Properties.AuthenticationMethod));
        Assert.Equal(new byte[] { 1, 2 }, Wire.Bytes(packet.Properties.AuthenticationData));
    }

    [Fact]
    public void Measuring_without_reason_string_and_user_properties_lets_a_server_fit_the_client_maximum()
    {
        var full = new MqttOutboundProperties { ReasonString = new string('x', 500), UserProperties = new[] { new MqttUserProperty("k", "v") } };
        int withDiagnostics = MqttPacketWriter.MeasurePublishAcknowledgement(MqttProtocolVersion.V500, MqttReasonCode.NotAuthorized, full);
        int without = MqttPacketWriter.MeasurePublishAcknowledgement(MqttProtocolVersion.V500, MqttReasonCode.NotAuthorized, full with { ReasonString = null, UserProperties = default });

        Assert.Equal(5, without);
        Assert.True(withDiagnostics > 500);
    }
}
