using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>Steps through an already validated property block; shared by the lazy enumerators.</summary>
internal static class MqttPropertyWalker
{
    /// <summary>Reads the next property id and leaves the reader at its value; false at the end of the block.</summary>
    public static bool TryReadId(ref SequenceReader<byte> reader, out MqttPropertyId id)
    {
        id = MqttPropertyId.None;
        if (!reader.TryRead(out byte raw))
        {
            return false;
        }

        id = (MqttPropertyId)raw;
        return true;
    }

    /// <summary>Skips the value of <paramref name="id"/>; false when the block is not what validation promised.</summary>
    public static bool TrySkipValue(ref SequenceReader<byte> reader, MqttPropertyId id)
    {
        switch (MqttPropertyReader.KindOf(id))
        {
            case MqttPropertyKind.Byte:
                return reader.TryAdvance(1);
            case MqttPropertyKind.TwoByteInteger:
                return reader.TryAdvance(2);
            case MqttPropertyKind.FourByteInteger:
                return reader.TryAdvance(4);
            case MqttPropertyKind.VariableByteInteger:
                return MqttVariableByteInteger.TryRead(ref reader, out _);
            case MqttPropertyKind.String:
            case MqttPropertyKind.Binary:
                return MqttBodyReader.TryReadBinary(ref reader, out _);
            case MqttPropertyKind.StringPair:
                return MqttBodyReader.TryReadBinary(ref reader, out _) && MqttBodyReader.TryReadBinary(ref reader, out _);
            default:
                return false;
        }
    }

    private static bool TryAdvance(this ref SequenceReader<byte> reader, int count)
    {
        if (reader.Remaining < count)
        {
            return false;
        }

        reader.Advance(count);
        return true;
    }
}
