using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// The body SUBSCRIBE and UNSUBSCRIBE share: packet identifier, v5 properties, then one or more topic filters, each
/// followed by a subscription options byte in SUBSCRIBE only. Validated once here for both packets.
/// </summary>
internal readonly struct MqttTopicFilterList
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    public int Count { get; init; }

    public ReadOnlySequence<byte> Entries { get; init; }

    /// <param name="withOptions"><c>true</c> for SUBSCRIBE (an options byte follows each filter), <c>false</c> for UNSUBSCRIBE.</param>
    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, bool withOptions, out MqttTopicFilterList list)
    {
        list = default;
        if (frame.PacketType != (withOptions ? MqttPacketType.Subscribe : MqttPacketType.Unsubscribe))
        {
            return MqttDecodeResult.Malformed(withOptions ? "not a SUBSCRIBE" : "not an UNSUBSCRIBE");
        }

        var reader = new SequenceReader<byte>(frame.Body);
        MqttDecodeResult result = MqttBodyReader.TryReadPacketIdentifier(ref reader, out ushort packetIdentifier);
        if (!result.IsSuccess)
        {
            return result;
        }

        MqttProperties properties = default;
        if (version == MqttProtocolVersion.V500)
        {
            result = MqttPropertyReader.TryRead(ref reader, withOptions ? MqttPropertyContext.Subscribe : MqttPropertyContext.Unsubscribe, out properties);
            if (!result.IsSuccess)
            {
                return result;
            }
        }

        ReadOnlySequence<byte> entries = reader.UnreadSequence;
        int count = 0;
        while (!reader.End)
        {
            if (!MqttBodyReader.TryReadString(ref reader, out ReadOnlySequence<byte> filter))
            {
                return MqttDecodeResult.Malformed("topic filter truncated or not valid UTF-8");
            }

            MqttSubscriptionOptions options = default;
            if (withOptions)
            {
                if (!reader.TryRead(out byte rawOptions))
                {
                    return MqttDecodeResult.Malformed("subscription options truncated");
                }

                result = MqttSubscriptionOptions.TryParse(rawOptions, version, out options);
                if (!result.IsSuccess)
                {
                    return result;
                }
            }

            if (!MqttTopic.IsValidFilter(filter, version, out bool isShared))
            {
                return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicFilterInvalid, "topic filter empty or with misplaced wildcards");
            }

            if (isShared && options.NoLocal)
            {
                return MqttDecodeResult.ProtocolError("no local on a shared subscription");
            }

            count++;
        }

        if (count == 0)
        {
            return MqttDecodeResult.ProtocolError(withOptions ? "SUBSCRIBE without topic filters" : "UNSUBSCRIBE without topic filters");
        }

        list = new MqttTopicFilterList { PacketIdentifier = packetIdentifier, Properties = properties, Count = count, Entries = entries };
        return MqttDecodeResult.Success;
    }
}
