using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// Decodes and validates an MQTT 5.0 property block (5.0 2.2.2): an unknown property, one not allowed in the packet,
/// or a value running past the block is malformed; a repeated single-valued property or an out-of-range value
/// (a 0/1 flag that is 2, Receive Maximum 0, Topic Alias 0...) is a protocol error.
/// </summary>
internal static class MqttPropertyReader
{
    private const MqttPropertyContext PublishOrWill = MqttPropertyContext.Publish | MqttPropertyContext.Will;

    private const MqttPropertyContext Everywhere = (MqttPropertyContext)0x7FF;

    public static MqttPropertyKind KindOf(MqttPropertyId id) => id switch
    {
        MqttPropertyId.PayloadFormatIndicator or MqttPropertyId.RequestProblemInformation or MqttPropertyId.RequestResponseInformation
            or MqttPropertyId.MaximumQoS or MqttPropertyId.RetainAvailable or MqttPropertyId.WildcardSubscriptionAvailable
            or MqttPropertyId.SubscriptionIdentifierAvailable or MqttPropertyId.SharedSubscriptionAvailable => MqttPropertyKind.Byte,
        MqttPropertyId.ServerKeepAlive or MqttPropertyId.ReceiveMaximum or MqttPropertyId.TopicAliasMaximum
            or MqttPropertyId.TopicAlias => MqttPropertyKind.TwoByteInteger,
        MqttPropertyId.MessageExpiryInterval or MqttPropertyId.SessionExpiryInterval or MqttPropertyId.WillDelayInterval
            or MqttPropertyId.MaximumPacketSize => MqttPropertyKind.FourByteInteger,
        MqttPropertyId.SubscriptionIdentifier => MqttPropertyKind.VariableByteInteger,
        MqttPropertyId.ContentType or MqttPropertyId.ResponseTopic or MqttPropertyId.AssignedClientIdentifier
            or MqttPropertyId.AuthenticationMethod or MqttPropertyId.ResponseInformation or MqttPropertyId.ServerReference
            or MqttPropertyId.ReasonString => MqttPropertyKind.String,
        MqttPropertyId.CorrelationData or MqttPropertyId.AuthenticationData => MqttPropertyKind.Binary,
        MqttPropertyId.UserProperty => MqttPropertyKind.StringPair,
        _ => MqttPropertyKind.Unknown,
    };

    /// <summary>The packets a property may appear in (5.0 Table 2-4).</summary>
    public static MqttPropertyContext AllowedIn(MqttPropertyId id) => id switch
    {
        MqttPropertyId.PayloadFormatIndicator or MqttPropertyId.MessageExpiryInterval or MqttPropertyId.ContentType
            or MqttPropertyId.ResponseTopic or MqttPropertyId.CorrelationData => PublishOrWill,
        MqttPropertyId.SubscriptionIdentifier => MqttPropertyContext.Publish | MqttPropertyContext.Subscribe,
        MqttPropertyId.SessionExpiryInterval => MqttPropertyContext.Connect | MqttPropertyContext.ConnAck | MqttPropertyContext.Disconnect,
        MqttPropertyId.AssignedClientIdentifier or MqttPropertyId.ServerKeepAlive or MqttPropertyId.ResponseInformation
            or MqttPropertyId.MaximumQoS or MqttPropertyId.RetainAvailable or MqttPropertyId.WildcardSubscriptionAvailable
            or MqttPropertyId.SubscriptionIdentifierAvailable or MqttPropertyId.SharedSubscriptionAvailable => MqttPropertyContext.ConnAck,
        MqttPropertyId.AuthenticationMethod or MqttPropertyId.AuthenticationData =>
            MqttPropertyContext.Connect | MqttPropertyContext.ConnAck | MqttPropertyContext.Auth,
        MqttPropertyId.RequestProblemInformation or MqttPropertyId.RequestResponseInformation => MqttPropertyContext.Connect,
        MqttPropertyId.WillDelayInterval => MqttPropertyContext.Will,
        MqttPropertyId.ServerReference => MqttPropertyContext.ConnAck | MqttPropertyContext.Disconnect,
        MqttPropertyId.ReasonString => MqttPropertyContext.ConnAck | MqttPropertyContext.PublishAcknowledgement | MqttPropertyContext.SubAck
            | MqttPropertyContext.UnsubAck | MqttPropertyContext.Disconnect | MqttPropertyContext.Auth,
        MqttPropertyId.ReceiveMaximum or MqttPropertyId.TopicAliasMaximum or MqttPropertyId.MaximumPacketSize =>
            MqttPropertyContext.Connect | MqttPropertyContext.ConnAck,
        MqttPropertyId.TopicAlias => MqttPropertyContext.Publish,
        MqttPropertyId.UserProperty => Everywhere,
        _ => MqttPropertyContext.None,
    };

    /// <summary>Reads the Property Length and the block it announces, leaving <paramref name="reader"/> after it.</summary>
    public static MqttDecodeResult TryRead(ref SequenceReader<byte> reader, MqttPropertyContext context, out MqttProperties properties)
    {
        properties = default;
        if (!MqttVariableByteInteger.TryRead(ref reader, out int length) || reader.Remaining < length)
        {
            return MqttDecodeResult.Malformed("property length missing or beyond the packet");
        }

        ReadOnlySequence<byte> block = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        properties.Raw = block;
        var inner = new SequenceReader<byte>(block);
        ulong seen = 0;
        while (!inner.End)
        {
            inner.TryRead(out byte raw);
            var id = (MqttPropertyId)raw;
            if ((AllowedIn(id) & context) == 0)
            {
                return MqttDecodeResult.Malformed("property unknown or not allowed in this packet");
            }

            ulong bit = 1UL << raw;
            bool repeatable = id == MqttPropertyId.UserProperty || (id == MqttPropertyId.SubscriptionIdentifier && context == MqttPropertyContext.Publish);
            if ((seen & bit) != 0 && !repeatable)
            {
                return MqttDecodeResult.ProtocolError("property included more than once");
            }

            seen |= bit;
            MqttDecodeResult result = ReadValue(ref inner, id, ref properties);
            if (!result.IsSuccess)
            {
                return result;
            }
        }

        if (properties.AuthenticationData.HasValue && !properties.AuthenticationMethod.HasValue)
        {
            return MqttDecodeResult.ProtocolError("authentication data without authentication method");
        }

        return MqttDecodeResult.Success;
    }

    private static MqttDecodeResult ReadValue(ref SequenceReader<byte> reader, MqttPropertyId id, ref MqttProperties properties)
    {
        switch (KindOf(id))
        {
            case MqttPropertyKind.Byte:
                if (!reader.TryRead(out byte flag))
                {
                    return Truncated;
                }

                if (flag > 1)
                {
                    return MqttDecodeResult.ProtocolError("property value must be 0 or 1");
                }

                switch (id)
                {
                    case MqttPropertyId.PayloadFormatIndicator: properties.PayloadFormatIndicator = flag; break;
                    case MqttPropertyId.RequestProblemInformation: properties.RequestProblemInformation = flag; break;
                    case MqttPropertyId.RequestResponseInformation: properties.RequestResponseInformation = flag; break;
                    case MqttPropertyId.MaximumQoS: properties.MaximumQoS = flag; break;
                    case MqttPropertyId.RetainAvailable: properties.RetainAvailable = flag; break;
                    case MqttPropertyId.WildcardSubscriptionAvailable: properties.WildcardSubscriptionAvailable = flag; break;
                    case MqttPropertyId.SubscriptionIdentifierAvailable: properties.SubscriptionIdentifierAvailable = flag; break;
                    default: properties.SharedSubscriptionAvailable = flag; break;
                }

                return MqttDecodeResult.Success;

            case MqttPropertyKind.TwoByteInteger:
                if (!MqttBodyReader.TryReadUInt16(ref reader, out ushort shortValue))
                {
                    return Truncated;
                }

                switch (id)
                {
                    case MqttPropertyId.ServerKeepAlive: properties.ServerKeepAlive = shortValue; break;
                    case MqttPropertyId.ReceiveMaximum:
                        if (shortValue == 0)
                        {
                            return MqttDecodeResult.ProtocolError("receive maximum 0");
                        }

                        properties.ReceiveMaximum = shortValue;
                        break;
                    case MqttPropertyId.TopicAliasMaximum: properties.TopicAliasMaximum = shortValue; break;
                    default:
                        if (shortValue == 0)
                        {
                            return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicAliasInvalid, "topic alias 0");
                        }

                        properties.TopicAlias = shortValue;
                        break;
                }

                return MqttDecodeResult.Success;

            case MqttPropertyKind.FourByteInteger:
                if (!MqttBodyReader.TryReadUInt32(ref reader, out uint intValue))
                {
                    return Truncated;
                }

                switch (id)
                {
                    case MqttPropertyId.MessageExpiryInterval: properties.MessageExpiryInterval = intValue; break;
                    case MqttPropertyId.SessionExpiryInterval: properties.SessionExpiryInterval = intValue; break;
                    case MqttPropertyId.WillDelayInterval: properties.WillDelayInterval = intValue; break;
                    default:
                        if (intValue == 0)
                        {
                            return MqttDecodeResult.ProtocolError("maximum packet size 0");
                        }

                        properties.MaximumPacketSize = intValue;
                        break;
                }

                return MqttDecodeResult.Success;

            case MqttPropertyKind.VariableByteInteger:
                if (!MqttVariableByteInteger.TryRead(ref reader, out int identifier))
                {
                    return Truncated;
                }

                if (identifier == 0)
                {
                    return MqttDecodeResult.ProtocolError("subscription identifier 0");
                }

                properties.SubscriptionIdentifier ??= identifier;
                properties.SubscriptionIdentifierCount++;
                return MqttDecodeResult.Success;

            case MqttPropertyKind.String:
                if (!MqttBodyReader.TryReadString(ref reader, out ReadOnlySequence<byte> text))
                {
                    return MqttDecodeResult.Malformed("property string truncated or not valid UTF-8");
                }

                switch (id)
                {
                    case MqttPropertyId.ContentType: properties.ContentType = text; break;
                    case MqttPropertyId.ResponseTopic:
                        if (!MqttTopic.IsValidName(text))
                        {
                            return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicNameInvalid, "response topic empty or with wildcards");
                        }

                        properties.ResponseTopic = text;
                        break;
                    case MqttPropertyId.AssignedClientIdentifier: properties.AssignedClientIdentifier = text; break;
                    case MqttPropertyId.AuthenticationMethod: properties.AuthenticationMethod = text; break;
                    case MqttPropertyId.ResponseInformation: properties.ResponseInformation = text; break;
                    case MqttPropertyId.ServerReference: properties.ServerReference = text; break;
                    default: properties.ReasonString = text; break;
                }

                return MqttDecodeResult.Success;

            case MqttPropertyKind.Binary:
                if (!MqttBodyReader.TryReadBinary(ref reader, out ReadOnlySequence<byte> data))
                {
                    return Truncated;
                }

                if (id == MqttPropertyId.CorrelationData)
                {
                    properties.CorrelationData = data;
                }
                else
                {
                    properties.AuthenticationData = data;
                }

                return MqttDecodeResult.Success;

            default:
                if (!MqttBodyReader.TryReadString(ref reader, out _) || !MqttBodyReader.TryReadString(ref reader, out _))
                {
                    return MqttDecodeResult.Malformed("user property truncated or not valid UTF-8");
                }

                properties.UserPropertyCount++;
                return MqttDecodeResult.Success;
        }
    }

    private static MqttDecodeResult Truncated => MqttDecodeResult.Malformed("property value runs past the property block");
}
