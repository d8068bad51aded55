using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The 1–4 byte little-endian base-128 integer of MQTT (3.1.1 2.2.3, 5.0 1.5.5).</summary>
internal static class MqttVariableByteInteger
{
    public const int MaximumValue = 268_435_455;

    public static int SizeOf(int value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes <paramref name="value"/> (0..268,435,455) and returns the bytes used.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        int index = 0;
        do
        {
            byte encoded = (byte)(value & 0x7F);
            value >>= 7;
            if (value > 0)
            {
                encoded |= 0x80;
            }

            destination[index++] = encoded;
        }
        while (value > 0);
        return index;
    }

    /// <summary>Reads a minimally encoded value; false when truncated, longer than 4 bytes or not minimal.</summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out int value)
    {
        value = 0;
        int shift = 0;
        for (int index = 0; index < 4; index++)
        {
            if (!reader.TryRead(out byte encoded))
            {
                return false;
            }

            value |= (encoded & 0x7F) << shift;
            if ((encoded & 0x80) == 0)
            {
                return encoded != 0 || index == 0;
            }

            shift += 7;
        }

        return false;
    }
}
