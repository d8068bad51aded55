using System.Buffers;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>A seeded generator of valid packets of every type, written with the codec's writer.</summary>
internal sealed class RandomPackets(int seed)
{
    private static readonly string[] Words = ["city", "thai-binh", "aq", "pm2_5", "đường", "phố", "x", "1", "$SYS", "camera", "trạm", "a b", "ü", "日本"];

    private static readonly MqttPropertyId[] AllProperties = Enum.GetValues<MqttPropertyId>().Where(id => id != MqttPropertyId.None).ToArray();

    private readonly Random _random = new(seed);

    public MqttProtocolVersion Version() => _random.Next(2) == 0 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;

    public bool Bool() => _random.Next(2) == 0;

    public ushort PacketIdentifier() => (ushort)_random.Next(1, 65_536);

    public MqttQualityOfService QualityOfService() => (MqttQualityOfService)_random.Next(3);

    public string Text(int maximumWords = 3)
    {
        var builder = new StringBuilder();
        int count = _random.Next(0, maximumWords + 1);
        for (int i = 0; i < count; i++)
        {
            builder.Append(Words[_random.Next(Words.Length)]);
        }

        return builder.ToString();
    }

    public string TopicName()
    {
        int levels = _random.Next(1, 5);
        var builder = new StringBuilder();
        for (int i = 0; i < levels; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Words[_random.Next(Words.Length)]);
        }

        return builder.ToString();
    }

    public string TopicFilter(MqttProtocolVersion version)
    {
        int levels = _random.Next(1, 5);
        var builder = new StringBuilder();
        if (version == MqttProtocolVersion.V500 && _random.Next(5) == 0)
        {
            builder.Append("$share/group/");
        }

        for (int i = 0; i < levels; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            int pick = _random.Next(6);
            builder.Append(pick == 0 ? "+" : pick == 1 && i == levels - 1 ? "#" : Words[_random.Next(Words.Length)]);
        }

        return builder.ToString();
    }

    public byte[] Bytes(int maximumLength)
    {
        var bytes = new byte[_random.Next(0, maximumLength + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    public byte[] NonEmptyBytes(int maximumLength)
    {
        var bytes = new byte[_random.Next(1, maximumLength + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    public MqttReasonCode Pick(params MqttReasonCode[] codes) => codes[_random.Next(codes.Length)];

    /// <summary>A random subset of the properties allowed in <paramref name="context"/>, each with a valid value.</summary>
    public MqttOutboundProperties Properties(MqttPropertyContext context)
    {
        var p = new MqttOutboundProperties();
        foreach (MqttPropertyId id in AllProperties)
        {
            if ((MqttPropertyReader.AllowedIn(id) & context) == 0 || _random.Next(3) != 0)
            {
                continue;
            }

            p = id switch
            {
                MqttPropertyId.PayloadFormatIndicator => p with { PayloadFormatIndicator = (byte)_random.Next(2) },
                MqttPropertyId.MessageExpiryInterval => p with { MessageExpiryInterval = (uint)_random.NextInt64(0, uint.MaxValue + 1L) },
                MqttPropertyId.ContentType => p with { ContentType = Text() },
                MqttPropertyId.ResponseTopic => p with { ResponseTopic = TopicName() },
                MqttPropertyId.CorrelationData => p with { CorrelationData = NonEmptyBytes(20) },
                MqttPropertyId.SubscriptionIdentifier => p with
                {
                    SubscriptionIdentifiers = Enumerable.Range(0, context == MqttPropertyContext.Publish ? _random.Next(1, 4) : 1)
                        .Select(_ => _random.Next(1, MqttVariableByteInteger.MaximumValue + 1)).ToArray(),
                },
                MqttPropertyId.SessionExpiryInterval => p with { SessionExpiryInterval = (uint)_random.Next() },
                MqttPropertyId.AssignedClientIdentifier => p with { AssignedClientIdentifier = Text() },
                MqttPropertyId.ServerKeepAlive => p with { ServerKeepAlive = (ushort)_random.Next(65_536) },
                MqttPropertyId.AuthenticationMethod => p with { AuthenticationMethod = Text() },
                MqttPropertyId.AuthenticationData => p with { AuthenticationMethod = p.AuthenticationMethod ?? "m", AuthenticationData = NonEmptyBytes(10) },
                MqttPropertyId.RequestProblemInformation => p with { RequestProblemInformation = (byte)_random.Next(2) },
                MqttPropertyId.WillDelayInterval => p with { WillDelayInterval = (uint)_random.Next() },
                MqttPropertyId.RequestResponseInformation => p with { RequestResponseInformation = (byte)_random.Next(2) },
                MqttPropertyId.ResponseInformation => p with { ResponseInformation = Text() },
                MqttPropertyId.ServerReference => p with { ServerReference = Text() },
                MqttPropertyId.ReasonString => p with { ReasonString = Text(8) },
                MqttPropertyId.ReceiveMaximum => p with { ReceiveMaximum = (ushort)_random.Next(1, 65_536) },
                MqttPropertyId.TopicAliasMaximum => p with { TopicAliasMaximum = (ushort)_random.Next(65_536) },
                MqttPropertyId.TopicAlias => p with { TopicAlias = (ushort)_random.Next(1, 65_536) },
                MqttPropertyId.MaximumQoS => p with { MaximumQoS = (byte)_random.Next(2) },
                MqttPropertyId.RetainAvailable => p with { RetainAvailable = (byte)_random.Next(2) },
                MqttPropertyId.UserProperty => p with
                {
                    UserProperties = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => new MqttUserProperty(Text(), Text())).ToArray(),
                },
                MqttPropertyId.MaximumPacketSize => p with { MaximumPacketSize = (uint)_random.Next(1, int.MaxValue) },
                MqttPropertyId.WildcardSubscriptionAvailable => p with { WildcardSubscriptionAvailable = (byte)_random.Next(2) },
                MqttPropertyId.SubscriptionIdentifierAvailable => p with { SubscriptionIdentifierAvailable = (byte)_random.Next(2) },
                _ => p with { SharedSubscriptionAvailable = (byte)_random.Next(2) },
            };
        }

        return p;
    }

    /// <summary>One valid packet of a random type, encoded.</summary>
    public byte[] Packet(MqttProtocolVersion version)
    {
        bool v5 = version == MqttProtocolVersion.V500;
        var writer = new ArrayBufferWriter<byte>();
        switch (_random.Next(12))
        {
            case 0:
                string? userName = Bool() ? Text() : null;
                MqttPacketWriter.WriteConnect(writer, new MqttOutboundConnect(version, Text(), Bool(), (ushort)_random.Next(65_536))
                {
                    UserName = userName,
                    Password = (v5 || userName is not null) && Bool() ? new ReadOnlyMemory<byte>(Bytes(16)) : (ReadOnlyMemory<byte>?)null,
                    Will = Bool()
                        ? new MqttOutboundWill(TopicName(), Bytes(40), QualityOfService(), Bool()) { Properties = Properties(MqttPropertyContext.Will) }
                        : null,
                    Properties = Properties(MqttPropertyContext.Connect),
                });
                break;
            case 1:
                MqttReasonCode connAckCode = Pick(MqttReasonCode.Success, MqttReasonCode.NotAuthorized, MqttReasonCode.ServerUnavailable,
                    MqttReasonCode.BadUserNameOrPassword, MqttReasonCode.ClientIdentifierNotValid, MqttReasonCode.UnsupportedProtocolVersion);
                MqttPacketWriter.WriteConnAck(writer, version, Bool(), connAckCode, Properties(MqttPropertyContext.ConnAck));
                break;
            case 2:
                MqttQualityOfService qos = QualityOfService();
                MqttPacketWriter.WritePublish(writer, version, TopicName(), qos, qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : PacketIdentifier(),
                    Bool(), qos != MqttQualityOfService.AtMostOnce && Bool(), new ReadOnlySequence<byte>(Bytes(300)), Properties(MqttPropertyContext.Publish));
                break;
            case 3:
                MqttPacketType type = (MqttPacketType)_random.Next((int)MqttPacketType.PubAck, (int)MqttPacketType.PubComp + 1);
                MqttReasonCode ackCode = type is MqttPacketType.PubRel or MqttPacketType.PubComp
                    ? Pick(MqttReasonCode.Success, MqttReasonCode.PacketIdentifierNotFound)
                    : Pick(MqttReasonCode.Success, MqttReasonCode.NoMatchingSubscribers, MqttReasonCode.NotAuthorized, MqttReasonCode.QuotaExceeded);
                MqttPacketWriter.WritePublishAcknowledgement(writer, version, type, PacketIdentifier(), ackCode,
                    Bool() ? Properties(MqttPropertyContext.PublishAcknowledgement) : default);
                break;
            case 4:
                MqttTopicSubscription[] subscriptions = Enumerable.Range(0, _random.Next(1, 5)).Select(_ =>
                {
                    string filter = TopicFilter(version);
                    return new MqttTopicSubscription(filter, v5
                        ? new MqttSubscriptionOptions(QualityOfService(), !filter.StartsWith("$share/", StringComparison.Ordinal) && Bool(), Bool(),
                            (MqttRetainHandling)_random.Next(3))
                        : new MqttSubscriptionOptions(QualityOfService()));
                }).ToArray();
                MqttPacketWriter.WriteSubscribe(writer, version, PacketIdentifier(), subscriptions, Properties(MqttPropertyContext.Subscribe));
                break;
            case 5:
                MqttReasonCode[] subAckCodes = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => v5
                    ? Pick(MqttReasonCode.Success, MqttReasonCode.GrantedQoS1, MqttReasonCode.GrantedQoS2, MqttReasonCode.NotAuthorized, MqttReasonCode.TopicFilterInvalid)
                    : Pick(MqttReasonCode.Success, MqttReasonCode.GrantedQoS1, MqttReasonCode.GrantedQoS2, MqttReasonCode.UnspecifiedError)).ToArray();
                MqttPacketWriter.WriteSubAck(writer, version, PacketIdentifier(), subAckCodes, Properties(MqttPropertyContext.SubAck));
                break;
            case 6:
                string[] filters = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => TopicFilter(version)).ToArray();
                MqttPacketWriter.WriteUnsubscribe(writer, version, PacketIdentifier(), filters, Properties(MqttPropertyContext.Unsubscribe));
                break;
            case 7:
                MqttReasonCode[] unsubAckCodes = Enumerable.Range(0, _random.Next(1, 5))
                    .Select(_ => Pick(MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted, MqttReasonCode.NotAuthorized)).ToArray();
                MqttPacketWriter.WriteUnsubAck(writer, version, PacketIdentifier(), unsubAckCodes, Properties(MqttPropertyContext.UnsubAck));
                break;
            case 8:
                MqttPacketWriter.WritePingReq(writer);
                break;
            case 9:
                MqttPacketWriter.WritePingResp(writer);
                break;
            case 10:
                MqttPacketWriter.WriteDisconnect(writer, version,
                    Pick(MqttReasonCode.Success, MqttReasonCode.DisconnectWithWillMessage, MqttReasonCode.ServerShuttingDown, MqttReasonCode.SessionTakenOver),
                    Bool() ? Properties(MqttPropertyContext.Disconnect) : default);
                break;
            default:
                if (v5)
                {
                    MqttPacketWriter.WriteAuth(writer, Pick(MqttReasonCode.Success, MqttReasonCode.ContinueAuthentication, MqttReasonCode.ReAuthenticate),
                        Bool() ? Properties(MqttPropertyContext.Auth) : default);
                }
                else
                {
                    MqttPacketWriter.WritePingReq(writer);
                }

                break;
        }

        return writer.WrittenSpan.ToArray();
    }
}
