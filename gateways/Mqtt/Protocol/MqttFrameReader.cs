using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Cuts control packets out of a receive buffer (MQTT 3.1.1 2.2, 5.0 2.1).</summary>
internal static class MqttFrameReader
{
    /// <summary>The largest Remaining Length four variable-byte-integer bytes can carry.</summary>
    public const int MaximumRemainingLength = 268_435_455;

    /// <summary>
    /// Reads the packet at the start of <paramref name="buffer"/>. <paramref name="maximumPacketSize"/> bounds the whole
    /// packet (header included); 0 or less means only the protocol's own limit. Never throws on any input.
    /// </summary>
    public static MqttFrameStatus TryReadFrame(in ReadOnlySequence<byte> buffer, int maximumPacketSize, out MqttFrame frame)
    {
        frame = default;
        if (buffer.IsEmpty)
        {
            return MqttFrameStatus.Incomplete;
        }

        long limit = maximumPacketSize <= 0 ? long.MaxValue : maximumPacketSize;

        // The fixed header is at most 5 bytes; look at it contiguously even when it straddles segments.
        Span<byte> scratch = stackalloc byte[5];
        scoped ReadOnlySpan<byte> head = buffer.FirstSpan;
        if (head.Length < 5 && buffer.Length > head.Length)
        {
            int available = (int)Math.Min(5, buffer.Length);
            buffer.Slice(0, available).CopyTo(scratch);
            head = scratch[..available];
        }

        byte first = head[0];
        var type = (MqttPacketType)(first >> 4);
        byte flags = (byte)(first & 0x0F);
        if (!FlagsAllowed(type, flags))
        {
            return MqttFrameStatus.Malformed;
        }

        int value = 0;
        int multiplier = 1;
        int index = 1;
        while (true)
        {
            if (index > 4)
            {
                return MqttFrameStatus.Malformed;
            }

            if (index >= head.Length)
            {
                return MqttFrameStatus.Incomplete;
            }

            byte encoded = head[index];
            value += (encoded & 0x7F) * multiplier;
            if ((encoded & 0x80) == 0)
            {
                if (encoded == 0 && index > 1)
                {
                    // 0x80 0x00 spells 0 in two bytes; MQTT-1.5.5-1 demands the shortest form.
                    return MqttFrameStatus.Malformed;
                }

                break;
            }

            multiplier <<= 7;

            // A further byte follows and, being minimal, adds at least `multiplier`: a flood announcing a huge packet
            // is refused before its length is even complete.
            if (index < 4 && index + 2L + value + multiplier > limit)
            {
                frame = new MqttFrame(new MqttFixedHeader(type, flags, value + multiplier, index + 2), default, buffer.Start);
                return MqttFrameStatus.TooLarge;
            }

            index++;
        }

        int headerLength = index + 1;
        var header = new MqttFixedHeader(type, flags, value, headerLength);
        if ((long)headerLength + value > limit)
        {
            frame = new MqttFrame(header, default, buffer.Start);
            return MqttFrameStatus.TooLarge;
        }

        long total = (long)headerLength + value;
        if (buffer.Length < total)
        {
            return MqttFrameStatus.Incomplete;
        }

        frame = new MqttFrame(header, buffer.Slice(headerLength, value), buffer.GetPosition(total));
        return MqttFrameStatus.Complete;
    }

    /// <summary>Reserved flag bits per packet type (3.1.1 Table 2.2, 5.0 Table 2-2).</summary>
    internal static bool FlagsAllowed(MqttPacketType type, byte flags) => type switch
    {
        MqttPacketType.Reserved => false,
        MqttPacketType.Publish => (flags & 0b0110) != 0b0110,
        MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe => flags == 0b0010,
        _ => flags == 0,
    };
}
