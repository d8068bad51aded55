using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded UNSUBSCRIBE (3.1.1 3.10, 5.0 3.10); enumerate the validated filters with <see cref="GetTopicFilters"/>.</summary>
internal readonly struct MqttUnsubscribePacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    public int Count { get; init; }

    public ReadOnlySequence<byte> Entries { get; init; }

    public MqttTopicFilterEnumerator GetTopicFilters() => new(Entries, withOptions: false);

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttUnsubscribePacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Unsubscribe)
        {
            return MqttDecodeResult.Malformed("not an UNSUBSCRIBE");
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
            result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Unsubscribe, out properties);
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

            if (!MqttTopic.IsValidFilter(filter, version, out _))
            {
                return MqttDecodeResult.ProtocolError(MqttReasonCode.TopicFilterInvalid, "topic filter empty or with misplaced wildcards");
            }

            count++;
        }

        if (count == 0)
        {
            return MqttDecodeResult.ProtocolError("UNSUBSCRIBE without topic filters");
        }

        packet = new MqttUnsubscribePacket { PacketIdentifier = packetIdentifier, Properties = properties, Count = count, Entries = entries };
        return MqttDecodeResult.Success;
    }
}
