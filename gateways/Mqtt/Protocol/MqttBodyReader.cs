using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>The data types of MQTT (5.0 1.5) read from a packet body; false means truncated or, for strings, ill-formed.</summary>
internal static class MqttBodyReader
{
    public static bool TryReadUInt16(ref SequenceReader<byte> reader, out ushort value)
    {
        bool read = reader.TryReadBigEndian(out short raw);
        value = (ushort)raw;
        return read;
    }

    public static bool TryReadUInt32(ref SequenceReader<byte> reader, out uint value)
    {
        bool read = reader.TryReadBigEndian(out int raw);
        value = (uint)raw;
        return read;
    }

    /// <summary>Binary Data: a two-byte length and that many bytes, as a slice of the body.</summary>
    public static bool TryReadBinary(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> value)
    {
        value = default;
        if (!TryReadUInt16(ref reader, out ushort length) || reader.Remaining < length)
        {
            return false;
        }

        value = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        return true;
    }

    /// <summary>A UTF-8 Encoded String: Binary Data that is also well-formed UTF-8 without U+0000.</summary>
    public static bool TryReadString(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> value) =>
        TryReadBinary(ref reader, out value) && MqttUtf8.IsValid(value);

    /// <summary>A Packet Identifier; a missing one is malformed, zero is a protocol error (MQTT-2.2.1-3).</summary>
    public static MqttDecodeResult TryReadPacketIdentifier(ref SequenceReader<byte> reader, out ushort packetIdentifier)
    {
        if (!TryReadUInt16(ref reader, out packetIdentifier))
        {
            return MqttDecodeResult.Malformed("packet identifier missing");
        }

        return packetIdentifier == 0 ? MqttDecodeResult.ProtocolError("packet identifier 0") : MqttDecodeResult.Success;
    }
}
