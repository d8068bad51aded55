using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Fuzz;

/// <summary>Valid packets of every type and both versions, written by the codec, for the fuzzer to mutate and splice.</summary>
internal static class FuzzCorpus
{
    public static byte[][] Build()
    {
        var seeds = new List<byte[]>();
        var rich = new MqttOutboundProperties
        {
            PayloadFormatIndicator = 1, MessageExpiryInterval = 60, ContentType = "application/json", ResponseTopic = "reply/x",
            CorrelationData = new byte[] { 1, 2, 3 }, TopicAlias = 2, SubscriptionIdentifiers = new[] { 5, 200_000 },
            UserProperties = new[] { new MqttUserProperty("k", "v"), new MqttUserProperty("tỉnh", "Thái Bình") },
        };
        foreach (MqttProtocolVersion version in new[] { MqttProtocolVersion.V311, MqttProtocolVersion.V500 })
        {
            bool v5 = version == MqttProtocolVersion.V500;
            seeds.Add(Encode(w => MqttPacketWriter.WriteConnect(w, new MqttOutboundConnect(version, "dev-1")
            {
                UserName = "user", Password = new byte[] { 9, 9 },
                Will = new MqttOutboundWill("will/topic", new byte[] { 1 }, MqttQualityOfService.ExactlyOnce, true)
                {
                    Properties = new MqttOutboundProperties { WillDelayInterval = 3, ContentType = "text/plain", UserProperties = new[] { new MqttUserProperty("a", "b") } },
                },
                Properties = new MqttOutboundProperties
                {
                    SessionExpiryInterval = 10, ReceiveMaximum = 5, MaximumPacketSize = 1000, TopicAliasMaximum = 3,
                    RequestProblemInformation = 1, RequestResponseInformation = 0, AuthenticationMethod = "m", AuthenticationData = new byte[] { 4 },
                },
            })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteConnect(w, new MqttOutboundConnect(version, ""))));
            seeds.Add(Encode(w => MqttPacketWriter.WriteConnAck(w, version, true, MqttReasonCode.Success, new MqttOutboundProperties
            {
                AssignedClientIdentifier = "auto", ServerKeepAlive = 30, MaximumQoS = 1, RetainAvailable = 0, WildcardSubscriptionAvailable = 1,
                SubscriptionIdentifierAvailable = 1, SharedSubscriptionAvailable = 1, ReasonString = "welcome", ResponseInformation = "r", ServerReference = "s",
            })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteConnAck(w, version, false, MqttReasonCode.NotAuthorized)));
            foreach (MqttQualityOfService qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce })
            {
                ushort id = qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : (ushort)77;
                seeds.Add(Encode(w => MqttPacketWriter.WritePublish(w, version, "city/thai-binh/aq/pm2_5", qos, id, true, false,
                    new ReadOnlySequence<byte>("{\"pm2_5\":41.2}"u8.ToArray()), rich)));
            }

            seeds.Add(Encode(w => MqttPacketWriter.WritePublish(w, version, "a", MqttQualityOfService.AtMostOnce, 0, false, false,
                new ReadOnlySequence<byte>(new byte[200]))));
            foreach (MqttPacketType type in new[] { MqttPacketType.PubAck, MqttPacketType.PubRec, MqttPacketType.PubRel, MqttPacketType.PubComp })
            {
                seeds.Add(Encode(w => MqttPacketWriter.WritePublishAcknowledgement(w, version, type, 300)));
                MqttReasonCode code = type is MqttPacketType.PubRel or MqttPacketType.PubComp ? MqttReasonCode.PacketIdentifierNotFound : MqttReasonCode.QuotaExceeded;
                seeds.Add(Encode(w => MqttPacketWriter.WritePublishAcknowledgement(w, version, type, 301, code,
                    new MqttOutboundProperties { ReasonString = "why", UserProperties = new[] { new MqttUserProperty("x", "y") } })));
            }

            MqttTopicSubscription[] subscriptions =
            [
                new("city/+/aq/#", new MqttSubscriptionOptions(MqttQualityOfService.AtLeastOnce, v5, v5, v5 ? MqttRetainHandling.SendAtSubscribeIfNew : 0)),
                new(v5 ? "$share/g/city/#" : "#", new MqttSubscriptionOptions(MqttQualityOfService.ExactlyOnce)),
            ];
            seeds.Add(Encode(w => MqttPacketWriter.WriteSubscribe(w, version, 12, subscriptions, new MqttOutboundProperties { SubscriptionIdentifiers = new[] { 9 } })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteSubAck(w, version, 12, new[] { MqttReasonCode.GrantedQoS1, MqttReasonCode.UnspecifiedError })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteUnsubscribe(w, version, 13, new[] { "city/+/aq/#", "x/y" })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteUnsubAck(w, version, 13, new[] { MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted })));
            seeds.Add(Encode(w => MqttPacketWriter.WriteDisconnect(w, version, v5 ? MqttReasonCode.DisconnectWithWillMessage : MqttReasonCode.Success,
                new MqttOutboundProperties { SessionExpiryInterval = 0, ReasonString = "bye" })));
        }

        seeds.Add(Encode(w => MqttPacketWriter.WritePingReq(w)));
        seeds.Add(Encode(w => MqttPacketWriter.WritePingResp(w)));
        seeds.Add(Encode(w => MqttPacketWriter.WriteAuth(w, MqttReasonCode.ContinueAuthentication,
            new MqttOutboundProperties { AuthenticationMethod = "SCRAM", AuthenticationData = new byte[] { 1, 2, 3 } })));
        return seeds.ToArray();
    }

    private static byte[] Encode(Action<ArrayBufferWriter<byte>> write)
    {
        var writer = new ArrayBufferWriter<byte>();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
