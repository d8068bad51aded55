using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>A decoded SUBSCRIBE (3.1.1 3.8, 5.0 3.8); every entry was validated, enumerate them with <see cref="GetTopicFilters"/>.</summary>
internal readonly struct MqttSubscribePacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttProperties Properties { get; init; }

    /// <summary>How many topic filters follow; at least one.</summary>
    public int Count { get; init; }

    /// <summary>The raw payload: filter/options pairs.</summary>
    public ReadOnlySequence<byte> Entries { get; init; }

    public MqttTopicFilterEnumerator GetTopicFilters() => new(Entries, withOptions: true);

    public static MqttDecodeResult TryDecode(in MqttFrame frame, MqttProtocolVersion version, out MqttSubscribePacket packet)
    {
        packet = default;
        if (frame.PacketType != MqttPacketType.Subscribe)
        {
            return MqttDecodeResult.Malformed("not a SUBSCRIBE");
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
            result = MqttPropertyReader.TryRead(ref reader, MqttPropertyContext.Subscribe, out properties);
            if (!result.IsSuccess)
            {
                return result;
            }
        }

        ReadOnlySequence<byte> entries = reader.UnreadSequence;
        int count = 0;
        while (!reader.End)
        {
            if (!MqttBodyReader.TryReadString(ref reader, out ReadOnlySequence<byte> filter) || !reader.TryRead(out byte rawOptions))
            {
                return MqttDecodeResult.Malformed("topic filter or options truncated or not valid UTF-8");
            }

            result = MqttSubscriptionOptions.TryParse(rawOptions, version, out MqttSubscriptionOptions options);
            if (!result.IsSuccess)
            {
                return result;
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
            return MqttDecodeResult.ProtocolError("SUBSCRIBE without topic filters");
        }

        packet = new MqttSubscribePacket { PacketIdentifier = packetIdentifier, Properties = properties, Count = count, Entries = entries };
        return MqttDecodeResult.Success;
    }
}
