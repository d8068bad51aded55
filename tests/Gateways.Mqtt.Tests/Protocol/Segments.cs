using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Protocol;

/// <summary>Builds multi-segment sequences, the shape a PipeReader hands over when packets straddle reads.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> bytes, ReadOnlySpan<int> cuts)
    {
        if (cuts.IsEmpty || bytes.IsEmpty)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        Segment? first = null;
        Segment? last = null;
        int start = 0;
        foreach (int cut in cuts)
        {
            int end = Math.Clamp(cut, start, bytes.Length);
            Append(bytes[start..end]);
            start = end;
        }

        Append(bytes[start..]);
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);

        void Append(ReadOnlyMemory<byte> part)
        {
            var segment = new Segment(part);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Link(segment);
            }

            last = segment;
        }
    }

    /// <summary>Every <paramref name="size"/> bytes a new segment.</summary>
    public static ReadOnlySequence<byte> Every(ReadOnlyMemory<byte> bytes, int size)
    {
        var cuts = new List<int>();
        for (int at = size; at < bytes.Length; at += size)
        {
            cuts.Add(at);
        }

        return Split(bytes, cuts.ToArray());
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public void Link(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }
}
