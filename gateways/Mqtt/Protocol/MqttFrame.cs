using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>One framed control packet: its fixed header and a slice of the receive buffer holding the rest.</summary>
/// <param name="Body">Variable header and payload, exactly <see cref="MqttFixedHeader.RemainingLength"/> bytes; valid until the buffer is advanced past <paramref name="End"/>.</param>
/// <param name="End">The position just after the packet in the buffer given to the reader.</param>
internal readonly record struct MqttFrame(MqttFixedHeader Header, ReadOnlySequence<byte> Body, SequencePosition End)
{
    public MqttPacketType PacketType => Header.PacketType;

    public byte Flags => Header.Flags;
}
