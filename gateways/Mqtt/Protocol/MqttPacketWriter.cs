using System.Buffers;
using System.Text;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// Encodes every control packet of MQTT 3.1.1 and 5.0 into an <see cref="IBufferWriter{T}"/> (a PipeWriter). Each
/// <c>WriteX</c> has a <c>MeasureX</c> giving the exact packet size first, so a sender can honour the peer's Maximum
/// Packet Size. Properties are ignored for 3.1.1. Invalid arguments (packet id 0 with QoS &gt; 0, strings over 65,535
/// bytes, packets over 256 MB) are programmer errors and throw.
/// </summary>
internal static class MqttPacketWriter
{
    private const int StackTopicLimit = 512;

    // ---- CONNECT -------------------------------------------------------------------------------------------

    public static int MeasureConnect(in MqttOutboundConnect connect) => Total(ConnectRemainingLength(connect, out _, out _));

    public static int WriteConnect(IBufferWriter<byte> writer, in MqttOutboundConnect connect)
    {
        int remaining = ConnectRemainingLength(connect, out int propertiesLength, out int willPropertiesLength);
        int total = Total(remaining);
        Span<byte> span = writer.GetSpan(total);
        bool v5 = connect.Version == MqttProtocolVersion.V500;
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Connect, 0, remaining);
        at += MqttBodyWriter.WriteBinary(span[at..], "MQTT"u8);
        span[at++] = (byte)connect.Version;
        byte flags = (byte)(connect.CleanStart ? 0x02 : 0);
        if (connect.Will is { } will)
        {
            flags |= (byte)(0x04 | ((byte)will.QualityOfService << 3) | (will.Retain ? 0x20 : 0));
        }

        flags |= (byte)((connect.UserName is not null ? 0x80 : 0) | (connect.Password.HasValue ? 0x40 : 0));
        span[at++] = flags;
        at += MqttBodyWriter.WriteUInt16(span[at..], connect.KeepAlive);
        if (v5)
        {
            at += MqttPropertyWriter.Write(span[at..], connect.Properties, propertiesLength);
        }

        at += MqttBodyWriter.WriteString(span[at..], connect.ClientIdentifier);
        if (connect.Will is { } w)
        {
            if (v5)
            {
                MqttOutboundProperties willProperties = w.Properties;
                at += MqttPropertyWriter.Write(span[at..], willProperties, willPropertiesLength);
            }

            at += MqttBodyWriter.WriteString(span[at..], w.Topic);
            at += MqttBodyWriter.WriteBinary(span[at..], w.Payload.Span);
        }

        if (connect.UserName is { } userName)
        {
            at += MqttBodyWriter.WriteString(span[at..], userName);
        }

        if (connect.Password is { } password)
        {
            at += MqttBodyWriter.WriteBinary(span[at..], password.Span);
        }

        writer.Advance(at);
        return at;
    }

    private static int ConnectRemainingLength(in MqttOutboundConnect connect, out int propertiesLength, out int willPropertiesLength)
    {
        bool v5 = RequireVersion(connect.Version);
        propertiesLength = 0;
        willPropertiesLength = 0;
        int size = 6 + 1 + 1 + 2 + MqttBodyWriter.StringSize(connect.ClientIdentifier);
        if (v5)
        {
            propertiesLength = MqttPropertyWriter.MeasureBlock(connect.Properties);
            size += MqttPropertyWriter.SizeWithLength(propertiesLength);
        }

        if (connect.Will is { } will)
        {
            if (will.QualityOfService > MqttQualityOfService.ExactlyOnce)
            {
                throw new ArgumentException("Will QoS must be 0, 1 or 2.", nameof(connect));
            }

            if (v5)
            {
                MqttOutboundProperties willProperties = will.Properties;
                willPropertiesLength = MqttPropertyWriter.MeasureBlock(willProperties);
                size += MqttPropertyWriter.SizeWithLength(willPropertiesLength);
            }

            size += MqttBodyWriter.StringSize(will.Topic) + MqttBodyWriter.BinarySize(will.Payload.Length);
        }

        if (connect.UserName is { } userName)
        {
            size += MqttBodyWriter.StringSize(userName);
        }

        if (connect.Password is { } password)
        {
            if (!v5 && connect.UserName is null)
            {
                throw new ArgumentException("MQTT 3.1.1 sends a password only with a user name.", nameof(connect));
            }

            size += MqttBodyWriter.BinarySize(password.Length);
        }

        return size;
    }

    // ---- CONNACK -------------------------------------------------------------------------------------------

    public static int MeasureConnAck(MqttProtocolVersion version, MqttReasonCode reasonCode, in MqttOutboundProperties properties = default) =>
        Total(ConnAckRemainingLength(version, properties, out _));

    /// <summary>For 3.1.1 the reason code is mapped with <see cref="MqttConnAckPacket.ToVersion311ReturnCode"/>.</summary>
    public static int WriteConnAck(
        IBufferWriter<byte> writer, MqttProtocolVersion version, bool sessionPresent, MqttReasonCode reasonCode, in MqttOutboundProperties properties = default)
    {
        int remaining = ConnAckRemainingLength(version, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.ConnAck, 0, remaining);
        span[at++] = (byte)(sessionPresent && reasonCode == MqttReasonCode.Success ? 1 : 0);
        if (version == MqttProtocolVersion.V500)
        {
            span[at++] = (byte)reasonCode;
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
        }
        else
        {
            span[at++] = MqttConnAckPacket.ToVersion311ReturnCode(reasonCode);
        }

        writer.Advance(at);
        return at;
    }

    private static int ConnAckRemainingLength(MqttProtocolVersion version, in MqttOutboundProperties properties, out int propertiesLength)
    {
        propertiesLength = 0;
        if (!RequireVersion(version))
        {
            return 2;
        }

        propertiesLength = MqttPropertyWriter.MeasureBlock(properties);
        return 2 + MqttPropertyWriter.SizeWithLength(propertiesLength);
    }

    // ---- PUBLISH -------------------------------------------------------------------------------------------

    /// <summary>The size of a PUBLISH whose topic is <paramref name="topicByteCount"/> UTF-8 bytes.</summary>
    public static int MeasurePublish(
        MqttProtocolVersion version, int topicByteCount, MqttQualityOfService qualityOfService, long payloadLength,
        in MqttOutboundProperties properties = default) =>
        Total(PublishRemainingLength(version, topicByteCount, qualityOfService, payloadLength, properties, out _));

    public static int MeasurePublish(
        MqttProtocolVersion version, string topic, MqttQualityOfService qualityOfService, long payloadLength,
        in MqttOutboundProperties properties = default) =>
        MeasurePublish(version, Encoding.UTF8.GetByteCount(topic), qualityOfService, payloadLength, properties);

    /// <summary>
    /// Writes a PUBLISH from a pre-encoded topic (fan-out encodes the topic once). The payload is copied segment by
    /// segment straight into the writer. An empty topic is allowed in v5 with a Topic Alias.
    /// </summary>
    public static int WritePublish(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ReadOnlySpan<byte> topic, MqttQualityOfService qualityOfService,
        ushort packetIdentifier, bool retain, bool duplicate, in ReadOnlySequence<byte> payload, in MqttOutboundProperties properties = default)
    {
        if (qualityOfService > MqttQualityOfService.AtMostOnce && packetIdentifier == 0)
        {
            throw new ArgumentException("A QoS 1 or 2 PUBLISH needs a non-zero packet identifier.", nameof(packetIdentifier));
        }

        if (topic.Length > MqttBodyWriter.MaximumStringLength)
        {
            throw new ArgumentException("A topic is at most 65,535 UTF-8 bytes.", nameof(topic));
        }

        int remaining = PublishRemainingLength(version, topic.Length, qualityOfService, payload.Length, properties, out int propertiesLength);
        int headerPart = Total(remaining) - (int)payload.Length;
        Span<byte> span = writer.GetSpan(headerPart);
        byte flags = (byte)(((byte)qualityOfService << 1) | (retain ? 1 : 0) | (duplicate ? 0x08 : 0));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Publish, flags, remaining);
        at += MqttBodyWriter.WriteBinary(span[at..], topic);
        if (qualityOfService > MqttQualityOfService.AtMostOnce)
        {
            at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        }

        if (version == MqttProtocolVersion.V500)
        {
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
        }

        writer.Advance(at);
        foreach (ReadOnlyMemory<byte> segment in payload)
        {
            writer.Write(segment.Span);
        }

        return at + (int)payload.Length;
    }

    public static int WritePublish(
        IBufferWriter<byte> writer, MqttProtocolVersion version, string topic, MqttQualityOfService qualityOfService,
        ushort packetIdentifier, bool retain, bool duplicate, in ReadOnlySequence<byte> payload, in MqttOutboundProperties properties = default)
    {
        int count = Encoding.UTF8.GetByteCount(topic);
        byte[]? rented = null;
        Span<byte> buffer = count <= StackTopicLimit ? stackalloc byte[StackTopicLimit] : (rented = ArrayPool<byte>.Shared.Rent(count));
        try
        {
            int written = Encoding.UTF8.GetBytes(topic, buffer);
            return WritePublish(writer, version, buffer[..written], qualityOfService, packetIdentifier, retain, duplicate, payload, properties);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int PublishRemainingLength(
        MqttProtocolVersion version, int topicByteCount, MqttQualityOfService qualityOfService, long payloadLength,
        in MqttOutboundProperties properties, out int propertiesLength)
    {
        if (qualityOfService > MqttQualityOfService.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(qualityOfService), qualityOfService, "QoS is 0, 1 or 2.");
        }

        propertiesLength = 0;
        long size = 2L + topicByteCount + (qualityOfService > MqttQualityOfService.AtMostOnce ? 2 : 0) + payloadLength;
        if (RequireVersion(version))
        {
            propertiesLength = MqttPropertyWriter.MeasureBlock(properties);
            size += MqttPropertyWriter.SizeWithLength(propertiesLength);
        }

        return CheckRemainingLength(size);
    }

    // ---- PUBACK, PUBREC, PUBREL, PUBCOMP --------------------------------------------------------------------

    public static int MeasurePublishAcknowledgement(
        MqttProtocolVersion version, MqttReasonCode reasonCode = MqttReasonCode.Success, in MqttOutboundProperties properties = default) =>
        Total(ReasonRemainingLength(version, 2, reasonCode, properties, out _));

    /// <summary>PUBACK/PUBREC/PUBREL/PUBCOMP; in v5 a Success without properties is sent in the short 2-byte form.</summary>
    public static int WritePublishAcknowledgement(
        IBufferWriter<byte> writer, MqttProtocolVersion version, MqttPacketType packetType, ushort packetIdentifier,
        MqttReasonCode reasonCode = MqttReasonCode.Success, in MqttOutboundProperties properties = default)
    {
        if (packetType is not (MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp))
        {
            throw new ArgumentOutOfRangeException(nameof(packetType), packetType, "Only PUBACK, PUBREC, PUBREL and PUBCOMP.");
        }

        RequireIdentifier(packetIdentifier);
        int remaining = ReasonRemainingLength(version, 2, reasonCode, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, packetType, packetType == MqttPacketType.PubRel ? (byte)0b0010 : (byte)0, remaining);
        at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        at += WriteReasonAndProperties(span[at..], remaining - 2, reasonCode, properties, propertiesLength);
        writer.Advance(at);
        return at;
    }

    // ---- SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK ---------------------------------------------------------

    public static int MeasureSubscribe(
        MqttProtocolVersion version, ReadOnlySpan<MqttTopicSubscription> subscriptions, in MqttOutboundProperties properties = default) =>
        Total(SubscribeRemainingLength(version, subscriptions, properties, out _));

    public static int WriteSubscribe(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ushort packetIdentifier, ReadOnlySpan<MqttTopicSubscription> subscriptions,
        in MqttOutboundProperties properties = default)
    {
        RequireIdentifier(packetIdentifier);
        int remaining = SubscribeRemainingLength(version, subscriptions, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Subscribe, 0b0010, remaining);
        at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        if (version == MqttProtocolVersion.V500)
        {
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
        }

        foreach (MqttTopicSubscription subscription in subscriptions)
        {
            at += MqttBodyWriter.WriteString(span[at..], subscription.TopicFilter);
            span[at++] = version == MqttProtocolVersion.V500
                ? subscription.Options.ToByte()
                : (byte)subscription.Options.MaximumQualityOfService;
        }

        writer.Advance(at);
        return at;
    }

    private static int SubscribeRemainingLength(
        MqttProtocolVersion version, ReadOnlySpan<MqttTopicSubscription> subscriptions, in MqttOutboundProperties properties, out int propertiesLength)
    {
        if (subscriptions.IsEmpty)
        {
            throw new ArgumentException("SUBSCRIBE needs at least one topic filter.", nameof(subscriptions));
        }

        long size = 2 + PropertiesSize(version, properties, out propertiesLength);
        foreach (MqttTopicSubscription subscription in subscriptions)
        {
            size += MqttBodyWriter.StringSize(subscription.TopicFilter) + 1;
        }

        return CheckRemainingLength(size);
    }

    public static int MeasureSubAck(MqttProtocolVersion version, int reasonCodeCount, in MqttOutboundProperties properties = default) =>
        Total(CheckRemainingLength(2L + PropertiesSize(version, properties, out _) + reasonCodeCount));

    /// <summary>For 3.1.1 every failure code becomes 0x80.</summary>
    public static int WriteSubAck(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ushort packetIdentifier, ReadOnlySpan<MqttReasonCode> reasonCodes,
        in MqttOutboundProperties properties = default)
    {
        RequireIdentifier(packetIdentifier);
        if (reasonCodes.IsEmpty)
        {
            throw new ArgumentException("SUBACK needs a reason code per topic filter.", nameof(reasonCodes));
        }

        int remaining = CheckRemainingLength(2L + PropertiesSize(version, properties, out int propertiesLength) + reasonCodes.Length);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.SubAck, 0, remaining);
        at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        bool v5 = version == MqttProtocolVersion.V500;
        if (v5)
        {
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
        }

        foreach (MqttReasonCode code in reasonCodes)
        {
            span[at++] = v5 || code <= MqttReasonCode.GrantedQoS2 ? (byte)code : (byte)MqttReasonCode.UnspecifiedError;
        }

        writer.Advance(at);
        return at;
    }

    public static int MeasureUnsubscribe(MqttProtocolVersion version, ReadOnlySpan<string> topicFilters, in MqttOutboundProperties properties = default) =>
        Total(UnsubscribeRemainingLength(version, topicFilters, properties, out _));

    public static int WriteUnsubscribe(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ushort packetIdentifier, ReadOnlySpan<string> topicFilters,
        in MqttOutboundProperties properties = default)
    {
        RequireIdentifier(packetIdentifier);
        int remaining = UnsubscribeRemainingLength(version, topicFilters, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Unsubscribe, 0b0010, remaining);
        at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        if (version == MqttProtocolVersion.V500)
        {
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
        }

        foreach (string filter in topicFilters)
        {
            at += MqttBodyWriter.WriteString(span[at..], filter);
        }

        writer.Advance(at);
        return at;
    }

    private static int UnsubscribeRemainingLength(
        MqttProtocolVersion version, ReadOnlySpan<string> topicFilters, in MqttOutboundProperties properties, out int propertiesLength)
    {
        if (topicFilters.IsEmpty)
        {
            throw new ArgumentException("UNSUBSCRIBE needs at least one topic filter.", nameof(topicFilters));
        }

        long size = 2 + PropertiesSize(version, properties, out propertiesLength);
        foreach (string filter in topicFilters)
        {
            size += MqttBodyWriter.StringSize(filter);
        }

        return CheckRemainingLength(size);
    }

    public static int MeasureUnsubAck(MqttProtocolVersion version, int reasonCodeCount, in MqttOutboundProperties properties = default) =>
        Total(version == MqttProtocolVersion.V500 ? CheckRemainingLength(2L + PropertiesSize(version, properties, out _) + reasonCodeCount) : 2);

    /// <summary>In 3.1.1 UNSUBACK carries only the packet identifier; reason codes and properties are dropped.</summary>
    public static int WriteUnsubAck(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ushort packetIdentifier, ReadOnlySpan<MqttReasonCode> reasonCodes,
        in MqttOutboundProperties properties = default)
    {
        RequireIdentifier(packetIdentifier);
        bool v5 = RequireVersion(version);
        if (v5 && reasonCodes.IsEmpty)
        {
            throw new ArgumentException("A v5 UNSUBACK needs a reason code per topic filter.", nameof(reasonCodes));
        }

        int propertiesLength = 0;
        int remaining = v5 ? CheckRemainingLength(2L + PropertiesSize(version, properties, out propertiesLength) + reasonCodes.Length) : 2;
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.UnsubAck, 0, remaining);
        at += MqttBodyWriter.WriteUInt16(span[at..], packetIdentifier);
        if (v5)
        {
            at += MqttPropertyWriter.Write(span[at..], properties, propertiesLength);
            foreach (MqttReasonCode code in reasonCodes)
            {
                span[at++] = (byte)code;
            }
        }

        writer.Advance(at);
        return at;
    }

    // ---- PINGREQ, PINGRESP, DISCONNECT, AUTH --------------------------------------------------------------

    public static int WritePingReq(IBufferWriter<byte> writer) => WriteEmpty(writer, MqttPacketType.PingReq);

    public static int WritePingResp(IBufferWriter<byte> writer) => WriteEmpty(writer, MqttPacketType.PingResp);

    public static int MeasureDisconnect(
        MqttProtocolVersion version, MqttReasonCode reasonCode = MqttReasonCode.Success, in MqttOutboundProperties properties = default) =>
        Total(ReasonRemainingLength(version, 0, reasonCode, properties, out _));

    /// <summary>3.1.1 DISCONNECT is empty (only clients send it); v5 uses the shortest form the reason code and properties allow.</summary>
    public static int WriteDisconnect(
        IBufferWriter<byte> writer, MqttProtocolVersion version, MqttReasonCode reasonCode = MqttReasonCode.Success,
        in MqttOutboundProperties properties = default)
    {
        int remaining = ReasonRemainingLength(version, 0, reasonCode, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Disconnect, 0, remaining);
        at += WriteReasonAndProperties(span[at..], remaining, reasonCode, properties, propertiesLength);
        writer.Advance(at);
        return at;
    }

    public static int MeasureAuth(MqttReasonCode reasonCode, in MqttOutboundProperties properties = default) =>
        Total(ReasonRemainingLength(MqttProtocolVersion.V500, 0, reasonCode, properties, out _));

    public static int WriteAuth(IBufferWriter<byte> writer, MqttReasonCode reasonCode, in MqttOutboundProperties properties = default)
    {
        int remaining = ReasonRemainingLength(MqttProtocolVersion.V500, 0, reasonCode, properties, out int propertiesLength);
        Span<byte> span = writer.GetSpan(Total(remaining));
        int at = MqttBodyWriter.WriteFixedHeader(span, MqttPacketType.Auth, 0, remaining);
        at += WriteReasonAndProperties(span[at..], remaining, reasonCode, properties, propertiesLength);
        writer.Advance(at);
        return at;
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    /// <summary>The whole packet for a Remaining Length.</summary>
    public static int Total(int remainingLength) => 1 + MqttVariableByteInteger.SizeOf(remainingLength) + remainingLength;

    private static int WriteEmpty(IBufferWriter<byte> writer, MqttPacketType type)
    {
        Span<byte> span = writer.GetSpan(2);
        span[0] = (byte)((int)type << 4);
        span[1] = 0;
        writer.Advance(2);
        return 2;
    }

    /// <summary>v5's optional tail: nothing for Success without properties, the code alone without properties, else both.</summary>
    private static int ReasonRemainingLength(
        MqttProtocolVersion version, int fixedPart, MqttReasonCode reasonCode, in MqttOutboundProperties properties, out int propertiesLength)
    {
        propertiesLength = 0;
        if (!RequireVersion(version))
        {
            return fixedPart;
        }

        propertiesLength = MqttPropertyWriter.MeasureBlock(properties);
        if (propertiesLength > 0)
        {
            return CheckRemainingLength(fixedPart + 1L + MqttPropertyWriter.SizeWithLength(propertiesLength));
        }

        return reasonCode == MqttReasonCode.Success ? fixedPart : fixedPart + 1;
    }

    private static int WriteReasonAndProperties(
        Span<byte> destination, int tailLength, MqttReasonCode reasonCode, in MqttOutboundProperties properties, int propertiesLength)
    {
        if (tailLength == 0)
        {
            return 0;
        }

        destination[0] = (byte)reasonCode;
        return tailLength == 1 ? 1 : 1 + MqttPropertyWriter.Write(destination[1..], properties, propertiesLength);
    }

    private static int PropertiesSize(MqttProtocolVersion version, in MqttOutboundProperties properties, out int propertiesLength)
    {
        propertiesLength = 0;
        if (!RequireVersion(version))
        {
            return 0;
        }

        propertiesLength = MqttPropertyWriter.MeasureBlock(properties);
        return MqttPropertyWriter.SizeWithLength(propertiesLength);
    }

    /// <summary>True for 5.0; throws for a version the endpoint does not speak.</summary>
    private static bool RequireVersion(MqttProtocolVersion version) => version switch
    {
        MqttProtocolVersion.V500 => true,
        MqttProtocolVersion.V311 => false,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Only MQTT 3.1.1 and 5.0."),
    };

    private static void RequireIdentifier(ushort packetIdentifier)
    {
        if (packetIdentifier == 0)
        {
            throw new ArgumentException("Packet identifier 0 is not allowed.", nameof(packetIdentifier));
        }
    }

    private static int CheckRemainingLength(long size) => size <= MqttVariableByteInteger.MaximumValue
        ? (int)size
        : throw new ArgumentException("The packet is larger than MQTT allows (Remaining Length 268,435,455).", nameof(size));
}
