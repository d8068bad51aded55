using System.Security.Cryptography;
using System.Text;

namespace SmartCity.Twin.Grains.Access;

/// <summary>
/// The form of an API key, <c>twk.{lookupId}.{secret}</c>, and how its secret is checked. The lookup id finds the
/// record without trying every key; the secret is 256 random bits, so a fast salted HMAC-SHA-256 is enough (a slow
/// password hash protects guessable human passwords and would only cost CPU on every request).
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "twk";

    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const int LookupIdBytes = 6;

    public static string NewLookupId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LookupIdBytes));

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static string Format(string lookupId, string secret) => $"{Prefix}.{lookupId}.{secret}";

    /// <summary>Splits a presented key into its lookup id and secret; <c>false</c> when it does not have the form at all.</summary>
    public static bool TryParse(string presented, out string lookupId, out string secret)
    {
        ArgumentNullException.ThrowIfNull(presented);
        lookupId = secret = string.Empty;
        var parts = presented.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        lookupId = parts[1];
        secret = parts[2];
        return true;
    }

    public static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time, so response timing does not tell how much of a guess was right.</summary>
    public static bool Matches(ApiKeyRecord record, string secret)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CryptographicOperations.FixedTimeEquals(Hash(record.Salt, secret), record.SecretHash);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
