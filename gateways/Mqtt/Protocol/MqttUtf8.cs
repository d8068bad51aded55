using System.Buffers;
using System.Text;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// UTF-8 Encoded Strings as MQTT constrains them (3.1.1 1.5.3, 5.0 1.5.4): well-formed UTF-8, no surrogates, no U+0000.
/// Decoders hand strings out as byte slices; these helpers turn them into .NET strings only when the caller wants one.
/// </summary>
internal static class MqttUtf8
{
    private const int StackLimit = 256;

    /// <summary>Well-formed UTF-8 without U+0000 (MQTT-1.5.4-1, MQTT-1.5.4-2).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8) => !utf8.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(utf8);

    public static bool IsValid(in ReadOnlySequence<byte> utf8)
    {
        if (utf8.IsSingleSegment)
        {
            return IsValid(utf8.FirstSpan);
        }

        // MQTT strings are at most 65,535 bytes, so a copy is bounded; split code points need a contiguous view.
        int length = (int)utf8.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            utf8.CopyTo(buffer);
            return IsValid(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// A payload announced as UTF-8 character data (v5 Payload Format Indicator 1): well-formed UTF-8 of any length,
    /// checked segment by segment without copying; U+0000 is allowed here, unlike in MQTT strings. A server may refuse
    /// a payload that fails with 0x99 (Payload format invalid).
    /// </summary>
    public static bool IsValidCharacterData(in ReadOnlySequence<byte> utf8)
    {
        if (utf8.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(utf8.FirstSpan);
        }

        Span<char> chars = stackalloc char[256];
        Span<byte> carry = stackalloc byte[4];
        int carried = 0;
        foreach (ReadOnlyMemory<byte> segment in utf8)
        {
            ReadOnlySpan<byte> span = segment.Span;

            // A code point split by the segment boundary: finish it byte by byte.
            while (carried > 0 && !span.IsEmpty)
            {
                carry[carried++] = span[0];
                span = span[1..];
                OperationStatus joined = System.Text.Unicode.Utf8.ToUtf16(carry[..carried], chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
                if (joined == OperationStatus.InvalidData || (joined == OperationStatus.NeedMoreData && carried == carry.Length))
                {
                    return false;
                }

                if (joined == OperationStatus.Done)
                {
                    carried = 0;
                }
            }

            while (!span.IsEmpty)
            {
                OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(span, chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: false);
                span = span[read..];
                if (status == OperationStatus.InvalidData)
                {
                    return false;
                }

                if (status == OperationStatus.NeedMoreData)
                {
                    span.CopyTo(carry);
                    carried = span.Length;
                    break;
                }
            }
        }

        return carried == 0;
    }

    /// <summary>The string a decoded slice spells; allocates, so call it only when a <see cref="string"/> is needed.</summary>
    public static string GetString(in ReadOnlySequence<byte> utf8) =>
        utf8.IsSingleSegment ? Encoding.UTF8.GetString(utf8.FirstSpan) : Encoding.UTF8.GetString(in utf8);

    /// <summary>The string a slice spells, or <c>null</c> when the property or field was absent.</summary>
    public static string? GetStringOrNull(in ReadOnlySequence<byte>? utf8) => utf8 is { } value ? GetString(value) : null;

    /// <summary>Compares a decoded slice with expected bytes without copying.</summary>
    public static bool SequenceEqual(in ReadOnlySequence<byte> utf8, ReadOnlySpan<byte> expected)
    {
        if (utf8.Length != expected.Length)
        {
            return false;
        }

        if (utf8.IsSingleSegment)
        {
            return utf8.FirstSpan.SequenceEqual(expected);
        }

        foreach (ReadOnlyMemory<byte> segment in utf8)
        {
            if (!segment.Span.SequenceEqual(expected[..segment.Length]))
            {
                return false;
            }

            expected = expected[segment.Length..];
        }

        return true;
    }

    /// <summary>Compares a decoded slice with a string, allocation-free for strings up to a few hundred characters.</summary>
    public static bool Equals(in ReadOnlySequence<byte> utf8, string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        if (count != utf8.Length)
        {
            return false;
        }

        byte[]? rented = null;
        Span<byte> buffer = count <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(count));
        try
        {
            int written = Encoding.UTF8.GetBytes(value, buffer);
            return SequenceEqual(utf8, buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A contiguous view of a short slice: the slice's own span, or a copy in <paramref name="scratch"/> / a pooled array.</summary>
    internal static ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> sequence, Span<byte> scratch, ref byte[]? rented)
    {
        if (sequence.IsSingleSegment)
        {
            return sequence.FirstSpan;
        }

        int length = (int)sequence.Length;
        Span<byte> buffer = length <= scratch.Length ? scratch : (rented = ArrayPool<byte>.Shared.Rent(length));
        sequence.CopyTo(buffer);
        return buffer[..length];
    }
}
