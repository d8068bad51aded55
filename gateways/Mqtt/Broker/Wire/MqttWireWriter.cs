using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker.Wire;

/// <summary>
/// Writes the packets the endpoint sends (MQTT 3.1.1 and 5.0) into an <see cref="IBufferWriter{T}"/>. A small stop-gap
/// inside the endpoint until the shared codec in <c>Protocol/</c> is complete.
/// </summary>
internal static class MqttWireWriter
{
    public const byte PropertySessionExpiryInterval = 0x11;
    public const byte PropertyAssignedClientIdentifier = 0x12;
    public const byte PropertyReasonString = 0x1F;
    public const byte PropertyReceiveMaximum = 0x21;
    public const byte PropertyTopicAliasMaximum = 0x22;
    public const byte PropertyMaximumQoS = 0x24;
    public const byte PropertyRetainAvailable = 0x25;
    public const byte PropertyUserProperty = 0x26;
    public const byte PropertyMaximumPacketSize = 0x27;
    public const byte PropertyWildcardSubscriptionAvailable = 0x28;
    public const byte PropertySubscriptionIdentifierAvailable = 0x29;
    public const byte PropertySharedSubscriptionAvailable = 0x2A;

    public static int VariableIntegerSize(int value) => value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;

    public static int WriteVariableInteger(Span<byte> destination, int value)
    {
        var i = 0;
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            destination[i++] = value > 0 ? (byte)(b | 0x80) : b;
        }
        while (value > 0);

        return i;
    }

    /// <summary>Size on the wire of a packet with this Remaining Length.</summary>
    public static int PacketSize(int remainingLength) => 1 + VariableIntegerSize(remainingLength) + remainingLength;

    /// <summary>Size of a v5 PUBLISH (or 3.1.1 when <paramref name="version"/> says so) without writing it.</summary>
    public static int PublishRemainingLength(MqttProtocolVersion version, int topicBytes, bool hasPacketId, int propertiesLength, int payloadLength)
    {
        var length = 2 + topicBytes + (hasPacketId ? 2 : 0) + payloadLength;
        if (version == MqttProtocolVersion.V500)
        {
            length += VariableIntegerSize(propertiesLength) + propertiesLength;
        }

        return length;
    }

    public static int PublishPropertiesLength(MqttRoutedMessage message, uint? remainingExpirySeconds)
    {
        var length = 0;
        if (message.PayloadFormatIndicator is not null)
        {
            length += 2;
        }

        if (remainingExpirySeconds is not null)
        {
            length += 5;
        }

        if (message.ContentType is not null)
        {
            length += 3 + Encoding.UTF8.GetByteCount(message.ContentType);
        }

        if (message.ResponseTopic is not null)
        {
            length += 3 + Encoding.UTF8.GetByteCount(message.ResponseTopic);
        }

        if (message.CorrelationData is { } correlation)
        {
            length += 3 + correlation.Length;
        }

        if (message.UserProperties is { } properties)
        {
            foreach (var (name, value) in properties)
            {
                length += 5 + Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
            }
        }

        return length;
    }

    public static void WritePublish(
        IBufferWriter<byte> writer,
        MqttProtocolVersion version,
        string topic,
        int topicBytes,
        MqttQualityOfService qos,
        bool retain,
        bool duplicate,
        ushort packetId,
        MqttRoutedMessage message,
        uint? remainingExpirySeconds,
        int propertiesLength,
        int remainingLength)
    {
        var total = PacketSize(remainingLength);
        var span = writer.GetSpan(total);
        span[0] = (byte)(0x30 | (duplicate ? 0x08 : 0) | ((int)qos << 1) | (retain ? 1 : 0));
        var p = 1 + WriteVariableInteger(span[1..], remainingLength);
        BinaryPrimitives.WriteUInt16BigEndian(span[p..], (ushort)topicBytes);
        p += 2;
        p += Encoding.UTF8.GetBytes(topic, span[p..]);
        if (qos != MqttQualityOfService.AtMostOnce)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[p..], packetId);
            p += 2;
        }

        if (version == MqttProtocolVersion.V500)
        {
            p += WriteVariableInteger(span[p..], propertiesLength);
            if (message.PayloadFormatIndicator is { } format)
            {
                span[p++] = 0x01;
                span[p++] = format;
            }

            if (remainingExpirySeconds is { } expiry)
            {
                span[p++] = 0x02;
                BinaryPrimitives.WriteUInt32BigEndian(span[p..], expiry);
                p += 4;
            }

            if (message.ContentType is not null)
            {
                p += WriteStringProperty(span[p..], 0x03, message.ContentType);
            }

            if (message.ResponseTopic is not null)
            {
                p += WriteStringProperty(span[p..], 0x08, message.ResponseTopic);
            }

            if (message.CorrelationData is { } correlation)
            {
                span[p++] = 0x09;
                BinaryPrimitives.WriteUInt16BigEndian(span[p..], (ushort)correlation.Length);
                p += 2;
                correlation.CopyTo(span[p..]);
                p += correlation.Length;
            }

            if (message.UserProperties is { } properties)
            {
                foreach (var (name, value) in properties)
                {
                    span[p++] = PropertyUserProperty;
                    p += WriteString(span[p..], name);
                    p += WriteString(span[p..], value);
                }
            }
        }

        message.Payload.Span.CopyTo(span[p..]);
        p += message.Payload.Length;
        writer.Advance(p);
    }

    /// <summary>PUBACK, PUBREC, PUBREL, PUBCOMP. v5 omits the reason code when it is Success and there are no properties (MQTT 5.0 3.4.2.1).</summary>
    public static void WriteAcknowledgement(IBufferWriter<byte> writer, MqttProtocolVersion version, byte headerByte, ushort packetId, MqttReasonCode reasonCode, string? reasonString)
    {
        var hasReason = version == MqttProtocolVersion.V500 && (reasonCode != MqttReasonCode.Success || reasonString is not null);
        var propertiesLength = hasReason && reasonString is not null ? 3 + Encoding.UTF8.GetByteCount(reasonString) : 0;
        var remaining = 2 + (hasReason ? 1 + VariableIntegerSize(propertiesLength) + propertiesLength : 0);
        var span = writer.GetSpan(PacketSize(remaining));
        span[0] = headerByte;
        var p = 1 + WriteVariableInteger(span[1..], remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[p..], packetId);
        p += 2;
        if (hasReason)
        {
            span[p++] = (byte)reasonCode;
            p += WriteVariableInteger(span[p..], propertiesLength);
            if (propertiesLength > 0)
            {
                p += WriteStringProperty(span[p..], PropertyReasonString, reasonString!);
            }
        }

        writer.Advance(p);
    }

    /// <summary>SUBACK (0x90) or UNSUBACK (0xB0); 3.1.1 UNSUBACK carries no reason codes.</summary>
    public static void WriteSubscribeAcknowledgement(IBufferWriter<byte> writer, MqttProtocolVersion version, byte headerByte, ushort packetId, ReadOnlySpan<byte> reasonCodes)
    {
        var isV5 = version == MqttProtocolVersion.V500;
        var codes = isV5 || headerByte == 0x90 ? reasonCodes.Length : 0;
        var remaining = 2 + (isV5 ? 1 : 0) + codes;
        var span = writer.GetSpan(PacketSize(remaining));
        span[0] = headerByte;
        var p = 1 + WriteVariableInteger(span[1..], remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[p..], packetId);
        p += 2;
        if (isV5)
        {
            span[p++] = 0;
        }

        reasonCodes[..codes].CopyTo(span[p..]);
        writer.Advance(p + codes);
    }

    public static void WritePingResponse(IBufferWriter<byte> writer)
    {
        var span = writer.GetSpan(2);
        span[0] = 0xD0;
        span[1] = 0;
        writer.Advance(2);
    }

    /// <summary>v5 DISCONNECT from the server (3.1.1 has none: the server just closes).</summary>
    public static void WriteDisconnect(IBufferWriter<byte> writer, MqttReasonCode reasonCode, string? reasonString)
    {
        var propertiesLength = reasonString is null ? 0 : 3 + Encoding.UTF8.GetByteCount(reasonString);
        var remaining = 1 + VariableIntegerSize(propertiesLength) + propertiesLength;
        var span = writer.GetSpan(PacketSize(remaining));
        span[0] = 0xE0;
        var p = 1 + WriteVariableInteger(span[1..], remaining);
        span[p++] = (byte)reasonCode;
        p += WriteVariableInteger(span[p..], propertiesLength);
        if (reasonString is not null)
        {
            p += WriteStringProperty(span[p..], PropertyReasonString, reasonString);
        }

        writer.Advance(p);
    }

    /// <summary>CONNACK; <paramref name="properties"/> is the already encoded v5 property block (ignored for 3.1.1).</summary>
    public static void WriteConnectAcknowledgement(IBufferWriter<byte> writer, MqttProtocolVersion version, bool sessionPresent, byte returnCode, ReadOnlySpan<byte> properties)
    {
        var isV5 = version == MqttProtocolVersion.V500;
        var remaining = 2 + (isV5 ? VariableIntegerSize(properties.Length) + properties.Length : 0);
        var span = writer.GetSpan(PacketSize(remaining));
        span[0] = 0x20;
        var p = 1 + WriteVariableInteger(span[1..], remaining);
        span[p++] = sessionPresent ? (byte)1 : (byte)0;
        span[p++] = returnCode;
        if (isV5)
        {
            p += WriteVariableInteger(span[p..], properties.Length);
            properties.CopyTo(span[p..]);
            p += properties.Length;
        }

        writer.Advance(p);
    }

    public static int WriteString(Span<byte> destination, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, destination[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
        return 2 + length;
    }

    public static int WriteStringProperty(Span<byte> destination, byte identifier, string value)
    {
        destination[0] = identifier;
        return 1 + WriteString(destination[1..], value);
    }
}
