using System.Buffers.Binary;
using System.Text;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The MQTT data types (5.0 1.5) written into a span that the caller sized with the measure methods.</summary>
internal static class MqttBodyWriter
{
    public const int MaximumStringLength = ushort.MaxValue;

    /// <summary>Two-byte length plus UTF-8 bytes of <paramref name="value"/>.</summary>
    public static int StringSize(string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        if (count > MaximumStringLength)
        {
            throw new ArgumentException("An MQTT string is at most 65,535 UTF-8 bytes.", nameof(value));
        }

        return 2 + count;
    }

    public static int BinarySize(int length)
    {
        if (length > MaximumStringLength)
        {
            throw new ArgumentException("MQTT binary data is at most 65,535 bytes.", nameof(length));
        }

        return 2 + length;
    }

    public static int WriteString(Span<byte> destination, string value)
    {
        int written = Encoding.UTF8.GetBytes(value, destination[2..]);
        if (written > MaximumStringLength)
        {
            throw new ArgumentException("An MQTT string is at most 65,535 UTF-8 bytes.", nameof(value));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)written);
        return 2 + written;
    }

    public static int WriteBinary(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        if (value.Length > MaximumStringLength)
        {
            throw new ArgumentException("MQTT binary data is at most 65,535 bytes.", nameof(value));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)value.Length);
        value.CopyTo(destination[2..]);
        return 2 + value.Length;
    }

    public static int WriteUInt16(Span<byte> destination, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        return 2;
    }

    /// <summary>The fixed header: type and flags, then Remaining Length.</summary>
    public static int WriteFixedHeader(Span<byte> destination, MqttPacketType type, byte flags, int remainingLength)
    {
        if (remainingLength > MqttVariableByteInteger.MaximumValue)
        {
            throw new ArgumentException("The packet is larger than MQTT allows (Remaining Length 268,435,455).", nameof(remainingLength));
        }

        destination[0] = (byte)(((int)type << 4) | flags);
        return 1 + MqttVariableByteInteger.Write(destination[1..], remainingLength);
    }
}
