using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Encode with the writer, frame the bytes (optionally one byte per segment), and hand back the frame.</summary>
internal static class Wire
{
    public static byte[] Encode(Action<ArrayBufferWriter<byte>> write)
    {
        var writer = new ArrayBufferWriter<byte>();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }

    public static MqttFrame Frame(byte[] bytes, bool oneBytePerSegment = false)
    {
        ReadOnlySequence<byte> sequence = oneBytePerSegment ? Segments.Every(bytes, 1) : new ReadOnlySequence<byte>(bytes);
        MqttFrameStatus status = MqttFrameReader.TryReadFrame(sequence, 0, out MqttFrame frame);
        Assert.Equal(MqttFrameStatus.Complete, status);
        Assert.Equal(bytes.Length, frame.Header.PacketLength);
        Assert.Equal(sequence.Length, sequence.GetOffset(frame.End));
        return frame;
    }

    public static string Text(ReadOnlySequence<byte> utf8) => MqttUtf8.GetString(utf8);

    public static string Text(ReadOnlySequence<byte>? utf8) => utf8 is { } value ? MqttUtf8.GetString(value) : "<absent>";

    public static byte[] Bytes(ReadOnlySequence<byte> sequence) => sequence.ToArray();

    public static byte[] Bytes(ReadOnlySequence<byte>? sequence) => sequence?.ToArray() ?? [];
}
