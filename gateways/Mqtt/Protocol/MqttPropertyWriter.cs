using System.Buffers.Binary;
using System.Text;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Encodes <see cref="MqttOutboundProperties"/> as a property block (5.0 2.2.2).</summary>
internal static class MqttPropertyWriter
{
    /// <summary>The bytes of the properties themselves, without the Property Length in front.</summary>
    public static int MeasureBlock(in MqttOutboundProperties p)
    {
        int size = 0;
        size += p.PayloadFormatIndicator.HasValue ? 2 : 0;
        size += p.MessageExpiryInterval.HasValue ? 5 : 0;
        size += StringSize(p.ContentType);
        size += StringSize(p.ResponseTopic);
        size += p.CorrelationData.IsEmpty ? 0 : 3 + p.CorrelationData.Length;
        foreach (int identifier in p.SubscriptionIdentifiers.Span)
        {
            size += 1 + MqttVariableByteInteger.SizeOf(identifier);
        }

        size += p.SessionExpiryInterval.HasValue ? 5 : 0;
        size += StringSize(p.AssignedClientIdentifier);
        size += p.ServerKeepAlive.HasValue ? 3 : 0;
        size += StringSize(p.AuthenticationMethod);
        size += p.AuthenticationData.IsEmpty ? 0 : 3 + p.AuthenticationData.Length;
        size += p.RequestProblemInformation.HasValue ? 2 : 0;
        size += p.WillDelayInterval.HasValue ? 5 : 0;
        size += p.RequestResponseInformation.HasValue ? 2 : 0;
        size += StringSize(p.ResponseInformation);
        size += StringSize(p.ServerReference);
        size += StringSize(p.ReasonString);
        size += p.ReceiveMaximum.HasValue ? 3 : 0;
        size += p.TopicAliasMaximum.HasValue ? 3 : 0;
        size += p.TopicAlias.HasValue ? 3 : 0;
        size += p.MaximumQoS.HasValue ? 2 : 0;
        size += p.RetainAvailable.HasValue ? 2 : 0;
        foreach (MqttUserProperty property in p.UserProperties.Span)
        {
            size += 1 + StringSize(property.Name) - 1 + StringSize(property.Value) - 1;
        }

        size += p.MaximumPacketSize.HasValue ? 5 : 0;
        size += p.WildcardSubscriptionAvailable.HasValue ? 2 : 0;
        size += p.SubscriptionIdentifierAvailable.HasValue ? 2 : 0;
        size += p.SharedSubscriptionAvailable.HasValue ? 2 : 0;
        return size;
    }

    /// <summary>Property Length plus block, for a block of <paramref name="blockLength"/> bytes.</summary>
    public static int SizeWithLength(int blockLength) => MqttVariableByteInteger.SizeOf(blockLength) + blockLength;

    /// <summary>Writes the Property Length and the block; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, in MqttOutboundProperties p, int blockLength)
    {
        int at = MqttVariableByteInteger.Write(destination, blockLength);
        at += Byte(destination[at..], MqttPropertyId.PayloadFormatIndicator, p.PayloadFormatIndicator);
        at += FourBytes(destination[at..], MqttPropertyId.MessageExpiryInterval, p.MessageExpiryInterval);
        at += String(destination[at..], MqttPropertyId.ContentType, p.ContentType);
        at += String(destination[at..], MqttPropertyId.ResponseTopic, p.ResponseTopic);
        at += Binary(destination[at..], MqttPropertyId.CorrelationData, p.CorrelationData);
        foreach (int identifier in p.SubscriptionIdentifiers.Span)
        {
            if (identifier is < 1 or > MqttVariableByteInteger.MaximumValue)
            {
                throw new ArgumentOutOfRangeException(nameof(p), identifier, "A subscription identifier is 1..268,435,455.");
            }

            destination[at++] = (byte)MqttPropertyId.SubscriptionIdentifier;
            at += MqttVariableByteInteger.Write(destination[at..], identifier);
        }

        at += FourBytes(destination[at..], MqttPropertyId.SessionExpiryInterval, p.SessionExpiryInterval);
        at += String(destination[at..], MqttPropertyId.AssignedClientIdentifier, p.AssignedClientIdentifier);
        at += TwoBytes(destination[at..], MqttPropertyId.ServerKeepAlive, p.ServerKeepAlive);
        at += String(destination[at..], MqttPropertyId.AuthenticationMethod, p.AuthenticationMethod);
        at += Binary(destination[at..], MqttPropertyId.AuthenticationData, p.AuthenticationData);
        at += Byte(destination[at..], MqttPropertyId.RequestProblemInformation, p.RequestProblemInformation);
        at += FourBytes(destination[at..], MqttPropertyId.WillDelayInterval, p.WillDelayInterval);
        at += Byte(destination[at..], MqttPropertyId.RequestResponseInformation, p.RequestResponseInformation);
        at += String(destination[at..], MqttPropertyId.ResponseInformation, p.ResponseInformation);
        at += String(destination[at..], MqttPropertyId.ServerReference, p.ServerReference);
        at += String(destination[at..], MqttPropertyId.ReasonString, p.ReasonString);
        at += TwoBytes(destination[at..], MqttPropertyId.ReceiveMaximum, p.ReceiveMaximum);
        at += TwoBytes(destination[at..], MqttPropertyId.TopicAliasMaximum, p.TopicAliasMaximum);
        at += TwoBytes(destination[at..], MqttPropertyId.TopicAlias, p.TopicAlias);
        at += Byte(destination[at..], MqttPropertyId.MaximumQoS, p.MaximumQoS);
        at += Byte(destination[at..], MqttPropertyId.RetainAvailable, p.RetainAvailable);
        foreach (MqttUserProperty property in p.UserProperties.Span)
        {
            destination[at++] = (byte)MqttPropertyId.UserProperty;
            at += MqttBodyWriter.WriteString(destination[at..], property.Name);
            at += MqttBodyWriter.WriteString(destination[at..], property.Value);
        }

        at += FourBytes(destination[at..], MqttPropertyId.MaximumPacketSize, p.MaximumPacketSize);
        at += Byte(destination[at..], MqttPropertyId.WildcardSubscriptionAvailable, p.WildcardSubscriptionAvailable);
        at += Byte(destination[at..], MqttPropertyId.SubscriptionIdentifierAvailable, p.SubscriptionIdentifierAvailable);
        at += Byte(destination[at..], MqttPropertyId.SharedSubscriptionAvailable, p.SharedSubscriptionAvailable);
        return at;
    }

    private static int StringSize(string? value) => value is null ? 0 : 3 + Encoding.UTF8.GetByteCount(value);

    private static int Byte(Span<byte> destination, MqttPropertyId id, byte? value)
    {
        if (value is not { } v)
        {
            return 0;
        }

        destination[0] = (byte)id;
        destination[1] = v;
        return 2;
    }

    private static int TwoBytes(Span<byte> destination, MqttPropertyId id, ushort? value)
    {
        if (value is not { } v)
        {
            return 0;
        }

        destination[0] = (byte)id;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], v);
        return 3;
    }

    private static int FourBytes(Span<byte> destination, MqttPropertyId id, uint? value)
    {
        if (value is not { } v)
        {
            return 0;
        }

        destination[0] = (byte)id;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], v);
        return 5;
    }

    private static int String(Span<byte> destination, MqttPropertyId id, string? value)
    {
        if (value is null)
        {
            return 0;
        }

        destination[0] = (byte)id;
        return 1 + MqttBodyWriter.WriteString(destination[1..], value);
    }

    private static int Binary(Span<byte> destination, MqttPropertyId id, ReadOnlyMemory<byte> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        destination[0] = (byte)id;
        return 1 + MqttBodyWriter.WriteBinary(destination[1..], value.Span);
    }
}
