using System.Buffers.Text;
using System.Text;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// The opaque <c>cursor</c> of twin lists: the last id of a page, base64url-encoded behind a version prefix so the
/// form can change without old cursors being misread. Clients must not build or parse it.
/// </summary>
internal static class TwinCursor
{
    private const string Prefix = "t1.";

    /// <summary>Device ids are at most 128 characters; anything much longer is not one of ours.</summary>
    private const int MaxIdBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string lastId)
    {
        ArgumentNullException.ThrowIfNull(lastId);
        return Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));
    }

    public static bool TryDecode(string cursor, out string lastId)
    {
        lastId = string.Empty;
        if (!cursor.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = cursor.AsSpan(Prefix.Length);
        if (encoded.IsEmpty || Base64Url.GetMaxDecodedLength(encoded.Length) > MaxIdBytes)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxIdBytes];
        try
        {
            if (!Base64Url.TryDecodeFromChars(encoded, bytes, out var written))
            {
                return false;
            }

            lastId = StrictUtf8.GetString(bytes[..written]);
            return true;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            // Characters outside the base64url alphabet, or bytes that are not UTF-8: not a cursor we made.
            return false;
        }
    }
}
