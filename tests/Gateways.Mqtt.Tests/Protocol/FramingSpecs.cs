using System.Buffers;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

public class FramingSpecs
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Remaining_length_boundaries_are_encoded_as_the_specification_table_shows(int value, byte[] expected)
    {
        var encoded = new byte[4];
        int length = MqttVariableByteInteger.Write(encoded, value);
        Assert.Equal(expected, encoded[..length]);
        Assert.Equal(expected.Length, MqttVariableByteInteger.SizeOf(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(2_097_151)]
    [InlineData(2_097_152)]
    public void A_frame_of_each_remaining_length_boundary_is_read_whole(int remainingLength)
    {
        var bytes = new byte[1 + MqttVariableByteInteger.SizeOf(remainingLength) + remainingLength];
        bytes[0] = 0x30;
        int header = 1 + MqttVariableByteInteger.Write(bytes.AsSpan(1), remainingLength);

        MqttFrameStatus status = MqttFrameReader.TryReadFrame(new ReadOnlySequence<byte>(bytes), 0, out MqttFrame frame);

        Assert.Equal(MqttFrameStatus.Complete, status);
        Assert.Equal(remainingLength, frame.Header.RemainingLength);
        Assert.Equal(header, frame.Header.HeaderLength);
        Assert.Equal(remainingLength, frame.Body.Length);
    }

    [Fact]
    public void The_largest_remaining_length_is_understood_before_its_body_arrives()
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F, 0x00 });

        Assert.Equal(MqttFrameStatus.Incomplete, MqttFrameReader.TryReadFrame(bytes, 0, out _));
        Assert.Equal(MqttFrameStatus.TooLarge, MqttFrameReader.TryReadFrame(bytes, 268_435_459, out MqttFrame frame));
        Assert.Equal(268_435_455, frame.Header.RemainingLength);
    }

    [Fact]
    public void A_remaining_length_of_five_bytes_is_malformed()
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 });
        Assert.Equal(MqttFrameStatus.Malformed, MqttFrameReader.TryReadFrame(bytes, 0, out _));
    }

    [Fact]
    public void A_remaining_length_not_in_its_shortest_form_is_malformed()
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { 0xC0, 0x80, 0x00 });
        Assert.Equal(MqttFrameStatus.Malformed, MqttFrameReader.TryReadFrame(bytes, 0, out _));
    }

    [Fact]
    public void An_oversized_packet_is_refused_from_its_length_bytes_without_waiting_for_the_body()
    {
        // 0x80 0x80 0x01 = 16,384; the limit is 1,000 bytes and no body byte has arrived.
        var bytes = new ReadOnlySequence<byte>(new byte[] { 0x30, 0x80, 0x80, 0x01 });
        Assert.Equal(MqttFrameStatus.TooLarge, MqttFrameReader.TryReadFrame(bytes, 1_000, out _));
    }

    [Fact]
    public void An_oversized_packet_is_refused_even_before_its_last_length_byte_arrives()
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { 0x30, 0x80, 0x80 });
        Assert.Equal(MqttFrameStatus.TooLarge, MqttFrameReader.TryReadFrame(bytes, 1_000, out _));
    }

    [Fact]
    public void A_packet_exactly_at_the_maximum_size_is_accepted()
    {
        var bytes = new byte[] { 0x30, 0x03, 0x00, 0x01, (byte)'a' };
        Assert.Equal(MqttFrameStatus.Complete, MqttFrameReader.TryReadFrame(new ReadOnlySequence<byte>(bytes), 5, out _));
        Assert.Equal(MqttFrameStatus.TooLarge, MqttFrameReader.TryReadFrame(new ReadOnlySequence<byte>(bytes), 4, out _));
    }

    [Fact]
    public void A_partial_packet_is_incomplete_and_consumes_nothing()
    {
        byte[] bytes = [0x30, 0x05, 0x00, 0x01, (byte)'a', 1, 2];
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(MqttFrameStatus.Incomplete, MqttFrameReader.TryReadFrame(new ReadOnlySequence<byte>(bytes, 0, length), 0, out _));
        }
    }

    [Fact]
    public void A_frame_split_one_byte_per_segment_reads_the_same_as_a_contiguous_one()
    {
        byte[] bytes = [0x82, 0x80, 0x01, .. new byte[128], 0xC0, 0x00];
        ReadOnlySequence<byte> sequence = Segments.Every(bytes, 1);

        Assert.Equal(MqttFrameStatus.Complete, MqttFrameReader.TryReadFrame(sequence, 0, out MqttFrame frame));
        Assert.Equal(MqttPacketType.Subscribe, frame.PacketType);
        Assert.Equal(131, sequence.GetOffset(frame.End));
        Assert.Equal(MqttFrameStatus.Complete, MqttFrameReader.TryReadFrame(sequence.Slice(frame.End), 0, out MqttFrame next));
        Assert.Equal(MqttPacketType.PingReq, next.PacketType);
    }

    [Theory]
    [InlineData(0x00)] // reserved packet type 0
    [InlineData(0x36)] // PUBLISH QoS 3
    [InlineData(0x60)] // PUBREL must have flags 0010
    [InlineData(0x80)] // SUBSCRIBE must have flags 0010
    [InlineData(0xA0)] // UNSUBSCRIBE must have flags 0010
    [InlineData(0x11)] // CONNECT flags are reserved 0000
    [InlineData(0x42)] // PUBACK flags are reserved 0000
    [InlineData(0xC8)] // PINGREQ flags are reserved 0000
    [InlineData(0xE1)] // DISCONNECT flags are reserved 0000
    public void Reserved_fixed_header_flags_are_malformed(byte first)
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { first, 0x00 });
        Assert.Equal(MqttFrameStatus.Malformed, MqttFrameReader.TryReadFrame(bytes, 0, out _));
    }

    [Theory]
    [InlineData(0x62)]
    [InlineData(0x82)]
    [InlineData(0xA2)]
    [InlineData(0x3D)] // PUBLISH DUP, QoS 2, RETAIN
    public void Required_fixed_header_flags_are_accepted(byte first)
    {
        var bytes = new ReadOnlySequence<byte>(new byte[] { first, 0x00 });
        Assert.Equal(MqttFrameStatus.Complete, MqttFrameReader.TryReadFrame(bytes, 0, out _));
    }
}
