using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Fuzz;

/// <summary>
/// Cuts one buffer into up to <see cref="Capacity"/> segments, reusing the segment objects, so the fuzzer's own
/// allocations do not drown the memory bound it checks on the decoder.
/// </summary>
internal sealed class ReusableSegments
{
    public const int Capacity = 8;

    private readonly Segment[] _segments = new Segment[Capacity];

    public ReusableSegments()
    {
        for (int i = 0; i < Capacity; i++)
        {
            _segments[i] = new Segment();
        }
    }

    /// <summary>Splits <paramref name="bytes"/> at <paramref name="cutCount"/> random points (empty segments included, as pipes can produce them).</summary>
    public ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> bytes, int cutCount, Random random)
    {
        cutCount = Math.Min(cutCount, Capacity - 1);
        if (cutCount == 0)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        Span<int> cuts = stackalloc int[Capacity];
        for (int i = 0; i < cutCount; i++)
        {
            cuts[i] = random.Next(bytes.Length + 1);
        }

        cuts[..cutCount].Sort();
        int start = 0;
        long running = 0;
        for (int i = 0; i <= cutCount; i++)
        {
            int end = i < cutCount ? cuts[i] : bytes.Length;
            _segments[i].Reset(bytes[start..end], running, i < cutCount ? _segments[i + 1] : null);
            running += end - start;
            start = end;
        }

        Segment last = _segments[cutCount];
        return new ReadOnlySequence<byte>(_segments[0], 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public void Reset(ReadOnlyMemory<byte> memory, long runningIndex, Segment? next)
        {
            Memory = memory;
            RunningIndex = runningIndex;
            Next = next;
        }
    }
}
