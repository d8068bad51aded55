using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>
/// For random valid packets of every type and both versions: decoding what the writer produced and writing the decoded
/// fields again gives the same bytes, so encode ∘ decode is the identity on everything the packet carries.
/// </summary>
public class EncodeDecodeIdentitySpecs
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decoding_then_re_encoding_a_random_valid_packet_gives_back_its_bytes(int seed)
    {
        var generator = new RandomPackets(seed);
        var random = new Random(seed);
        for (int i = 0; i < 5_000; i++)
        {
            MqttProtocolVersion version = generator.Version();
            byte[] bytes = generator.Packet(version);
            ReadOnlySequence<byte> sequence = random.Next(2) == 0 ? new ReadOnlySequence<byte>(bytes) : Segments.Every(bytes, random.Next(1, 8));
            Assert.Equal(MqttFrameStatus.Complete, MqttFrameReader.TryReadFrame(sequence, 0, out MqttFrame frame));

            byte[] again = Reencode(frame, version);

            if (!bytes.AsSpan().SequenceEqual(again))
            {
                Assert.Fail($"seed {seed} packet {i} ({version}): {Convert.ToHexString(bytes)} re-encoded as {Convert.ToHexString(again)}");
            }
        }
    }

    private static byte[] Reencode(in MqttFrame frame, MqttProtocolVersion version)
    {
        var writer = new ArrayBufferWriter<byte>();
        switch (frame.PacketType)
        {
            case MqttPacketType.Connect:
                Succeeds(MqttConnectPacket.TryDecode(frame, out MqttConnectPacket connect));
                MqttPacketWriter.WriteConnect(writer, new MqttOutboundConnect(connect.Version, MqttUtf8.GetString(connect.ClientIdentifier), connect.CleanStart, connect.KeepAlive)
                {
                    UserName = connect.HasUserName ? MqttUtf8.GetString(connect.UserName) : null,
                    Password = connect.HasPassword ? new ReadOnlyMemory<byte>(connect.Password.ToArray()) : (ReadOnlyMemory<byte>?)null,
                    Will = connect.HasWill
                        ? new MqttOutboundWill(MqttUtf8.GetString(connect.WillTopic), connect.WillPayload.ToArray(), connect.WillQualityOfService, connect.WillRetain)
                        {
                            Properties = Outbound(connect.WillProperties),
                        }
                        : null,
                    Properties = Outbound(connect.Properties),
                });
                break;
            case MqttPacketType.ConnAck:
                Succeeds(MqttConnAckPacket.TryDecode(frame, version, out MqttConnAckPacket connAck));
                MqttPacketWriter.WriteConnAck(writer, version, connAck.SessionPresent, connAck.ReasonCode, Outbound(connAck.Properties));
                break;
            case MqttPacketType.Publish:
                Succeeds(MqttPublishPacket.TryDecode(frame, version, out MqttPublishPacket publish));
                MqttPacketWriter.WritePublish(writer, version, publish.GetTopic(), publish.QualityOfService, publish.PacketIdentifier, publish.Retain,
                    publish.Duplicate, publish.Payload, Outbound(publish.Properties));
                break;
            case MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                Succeeds(MqttPublishAcknowledgementPacket.TryDecode(frame, version, out MqttPublishAcknowledgementPacket ack));
                MqttPacketWriter.WritePublishAcknowledgement(writer, version, ack.PacketType, ack.PacketIdentifier, ack.ReasonCode, Outbound(ack.Properties));
                break;
            case MqttPacketType.Subscribe:
                Succeeds(MqttSubscribePacket.TryDecode(frame, version, out MqttSubscribePacket subscribe));
                var subscriptions = new List<MqttTopicSubscription>();
                foreach (MqttTopicFilterView entry in subscribe.GetTopicFilters())
                {
                    subscriptions.Add(new MqttTopicSubscription(entry.GetTopicFilter(), entry.Options));
                }

                MqttPacketWriter.WriteSubscribe(writer, version, subscribe.PacketIdentifier, subscriptions.ToArray(), Outbound(subscribe.Properties));
                break;
            case MqttPacketType.SubAck:
                Succeeds(MqttSubAckPacket.TryDecode(frame, version, out MqttSubAckPacket subAck));
                MqttPacketWriter.WriteSubAck(writer, version, subAck.PacketIdentifier, Codes(subAck.ReasonCodes), Outbound(subAck.Properties));
                break;
            case MqttPacketType.Unsubscribe:
                Succeeds(MqttUnsubscribePacket.TryDecode(frame, version, out MqttUnsubscribePacket unsubscribe));
                var filters = new List<string>();
                foreach (MqttTopicFilterView entry in unsubscribe.GetTopicFilters())
                {
                    filters.Add(entry.GetTopicFilter());
                }

                MqttPacketWriter.WriteUnsubscribe(writer, version, unsubscribe.PacketIdentifier, filters.ToArray(), Outbound(unsubscribe.Properties));
                break;
            case MqttPacketType.UnsubAck:
                Succeeds(MqttUnsubAckPacket.TryDecode(frame, version, out MqttUnsubAckPacket unsubAck));
                MqttPacketWriter.WriteUnsubAck(writer, version, unsubAck.PacketIdentifier, Codes(unsubAck.ReasonCodes), Outbound(unsubAck.Properties));
                break;
            case MqttPacketType.PingReq:
                Succeeds(MqttPingPacket.TryDecode(frame));
                MqttPacketWriter.WritePingReq(writer);
                break;
            case MqttPacketType.PingResp:
                Succeeds(MqttPingPacket.TryDecode(frame));
                MqttPacketWriter.WritePingResp(writer);
                break;
            case MqttPacketType.Disconnect:
                Succeeds(MqttDisconnectPacket.TryDecode(frame, version, out MqttDisconnectPacket disconnect));
                MqttPacketWriter.WriteDisconnect(writer, version, disconnect.ReasonCode, Outbound(disconnect.Properties));
                break;
            default:
                Succeeds(MqttAuthPacket.TryDecode(frame, version, out MqttAuthPacket auth));
                MqttPacketWriter.WriteAuth(writer, auth.ReasonCode, Outbound(auth.Properties));
                break;
        }

        return writer.WrittenSpan.ToArray();
    }

    private static void Succeeds(MqttDecodeResult result) => Assert.True(result.IsSuccess, result.ToString());

    private static MqttReasonCode[] Codes(ReadOnlySequence<byte> codes) => codes.ToArray().Select(code => (MqttReasonCode)code).ToArray();

    /// <summary>The decoded property view turned back into properties to send.</summary>
    internal static MqttOutboundProperties Outbound(in MqttProperties p)
    {
        var users = new List<MqttUserProperty>();
        foreach (MqttUserPropertyView property in p.GetUserProperties())
        {
            users.Add(property.ToUserProperty());
        }

        var identifiers = new List<int>();
        foreach (int identifier in p.GetSubscriptionIdentifiers())
        {
            identifiers.Add(identifier);
        }

        return new MqttOutboundProperties
        {
            PayloadFormatIndicator = p.PayloadFormatIndicator,
            MessageExpiryInterval = p.MessageExpiryInterval,
            ContentType = MqttUtf8.GetStringOrNull(p.ContentType),
            ResponseTopic = MqttUtf8.GetStringOrNull(p.ResponseTopic),
            CorrelationData = p.CorrelationData is { } correlation ? correlation.ToArray() : default,
            SubscriptionIdentifiers = identifiers.ToArray(),
            SessionExpiryInterval = p.SessionExpiryInterval,
            AssignedClientIdentifier = MqttUtf8.GetStringOrNull(p.AssignedClientIdentifier),
            ServerKeepAlive = p.ServerKeepAlive,
            AuthenticationMethod = MqttUtf8.GetStringOrNull(p.AuthenticationMethod),
            AuthenticationData = p.AuthenticationData is { } authentication ? authentication.ToArray() : default,
            RequestProblemInformation = p.RequestProblemInformation,
            WillDelayInterval = p.WillDelayInterval,
            RequestResponseInformation = p.RequestResponseInformation,
            ResponseInformation = MqttUtf8.GetStringOrNull(p.ResponseInformation),
            ServerReference = MqttUtf8.GetStringOrNull(p.ServerReference),
            ReasonString = MqttUtf8.GetStringOrNull(p.ReasonString),
            ReceiveMaximum = p.ReceiveMaximum,
            TopicAliasMaximum = p.TopicAliasMaximum,
            TopicAlias = p.TopicAlias,
            MaximumQoS = p.MaximumQoS,
            RetainAvailable = p.RetainAvailable,
            UserProperties = users.ToArray(),
            MaximumPacketSize = p.MaximumPacketSize,
            WildcardSubscriptionAvailable = p.WildcardSubscriptionAvailable,
            SubscriptionIdentifierAvailable = p.SubscriptionIdentifierAvailable,
            SharedSubscriptionAvailable = p.SharedSubscriptionAvailable,
        };
    }
}
