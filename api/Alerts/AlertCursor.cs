using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>The opaque <c>cursor</c> of alert lists: the <see cref="AlertKey"/> of the last alert on the previous page, base64url.</summary>
internal static class AlertCursor
{
    public static string Encode(AlertKey key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key.RaisedTicks}:{key.Id}")));

    public static bool TryDecode(string cursor, out AlertKey key)
    {
        key = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        key = new AlertKey(ticks, text[(colon + 1)..]);
        return true;
    }
}
