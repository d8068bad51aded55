using System.Buffers;

namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>
/// Topic Name and Topic Filter rules (3.1.1 4.7, 5.0 4.7, 4.8.2). Checked on bytes: multi-byte UTF-8 sequences never
/// contain the ASCII bytes '/', '+' and '#', so no decoding is needed.
/// </summary>
internal static class MqttTopic
{
    private static ReadOnlySpan<byte> SharePrefix => "$share/"u8;

    /// <summary>A Topic Name: at least one character, no wildcards (MQTT-4.7.3-1, MQTT-3.3.2-2). UTF-8 validity is checked separately.</summary>
    public static bool IsValidName(ReadOnlySpan<byte> topic) => !topic.IsEmpty && topic.IndexOfAny((byte)'+', (byte)'#') < 0;

    public static bool IsValidName(in ReadOnlySequence<byte> topic)
    {
        if (topic.IsSingleSegment)
        {
            return IsValidName(topic.FirstSpan);
        }

        foreach (ReadOnlyMemory<byte> segment in topic)
        {
            if (segment.Span.IndexOfAny((byte)'+', (byte)'#') >= 0)
            {
                return false;
            }
        }

        return !topic.IsEmpty;
    }

    /// <summary>
    /// A Topic Filter: non-empty, '#' only as a whole last level, '+' only as a whole level (MQTT-4.7.1-1/2/3); in v5 a
    /// <c>$share/{ShareName}/{filter}</c> needs a non-empty share name without wildcards and a valid filter (MQTT-4.8.2-1/2).
    /// </summary>
    public static bool IsValidFilter(ReadOnlySpan<byte> filter, MqttProtocolVersion version, out bool isShared)
    {
        isShared = false;
        if (version == MqttProtocolVersion.V500 && filter.StartsWith(SharePrefix))
        {
            isShared = true;
            ReadOnlySpan<byte> rest = filter[SharePrefix.Length..];
            int slash = rest.IndexOf((byte)'/');
            if (slash <= 0 || rest[..slash].IndexOfAny((byte)'+', (byte)'#') >= 0)
            {
                return false;
            }

            filter = rest[(slash + 1)..];
        }

        if (filter.IsEmpty)
        {
            return false;
        }

        while (true)
        {
            int slash = filter.IndexOf((byte)'/');
            ReadOnlySpan<byte> level = slash < 0 ? filter : filter[..slash];
            if (level.IndexOfAny((byte)'+', (byte)'#') >= 0)
            {
                if (level.Length != 1)
                {
                    return false;
                }

                if (level[0] == (byte)'#' && slash >= 0)
                {
                    return false;
                }
            }

            if (slash < 0)
            {
                return true;
            }

            filter = filter[(slash + 1)..];
        }
    }

    /// <summary>
    /// A Topic Name the server itself was given as a string (not read off the wire, so not yet UTF-8 checked): the rules of
    /// <see cref="IsValidName(ReadOnlySpan{byte})"/> plus no U+0000 (MQTT-4.7.3-2).
    /// </summary>
    public static bool IsValidName(string topic)
    {
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> utf8 = Encode(topic, stackalloc byte[256], ref rented);
            return MqttUtf8.IsValid(utf8) && IsValidName(utf8);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>A Topic Filter given as a string (a policy's rewritten filter): the byte rules plus no U+0000.</summary>
    public static bool IsValidFilter(string filter, MqttProtocolVersion version, out bool isShared)
    {
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> utf8 = Encode(filter, stackalloc byte[256], ref rented);
            isShared = false;
            return MqttUtf8.IsValid(utf8) && IsValidFilter(utf8, version, out isShared);
        }
        finally
        {
            Return(rented);
        }
    }

    private static ReadOnlySpan<byte> Encode(string value, Span<byte> stack, ref byte[]? rented)
    {
        int count = System.Text.Encoding.UTF8.GetByteCount(value);
        Span<byte> buffer = count <= stack.Length ? stack : (rented = ArrayPool<byte>.Shared.Rent(count));
        return buffer[..System.Text.Encoding.UTF8.GetBytes(value, buffer)];
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static bool IsValidFilter(in ReadOnlySequence<byte> filter, MqttProtocolVersion version, out bool isShared)
    {
        if (filter.IsSingleSegment)
        {
            return IsValidFilter(filter.FirstSpan, version, out isShared);
        }

        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> contiguous = MqttUtf8.Contiguous(filter, stackalloc byte[256], ref rented);
            return IsValidFilter(contiguous, version, out isShared);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when the filter contains '+' or '#' (CONNACK Wildcard Subscription Available).</summary>
    public static bool HasWildcard(ReadOnlySpan<byte> filter) => filter.IndexOfAny((byte)'+', (byte)'#') >= 0;
}
