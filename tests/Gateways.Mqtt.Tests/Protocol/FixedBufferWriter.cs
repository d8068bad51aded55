using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>An <see cref="IBufferWriter{T}"/> over one preallocated array, so a test can see the codec's own allocations.</summary>
internal sealed class FixedBufferWriter(int capacity) : IBufferWriter<byte>
{
    private readonly byte[] _buffer = new byte[capacity];

    public int Written { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Written);

    public void Reset() => Written = 0;

    public void Advance(int count) => Written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(Written);

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(Written);
}
