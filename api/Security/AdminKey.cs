using System.Security.Cryptography;
using System.Text;

namespace SmartCity.Twin.Api.Security;

/// <summary>The admin API key that guards state-changing endpoints, and lets operators watch device topics over MQTT.</summary>
internal sealed class AdminKey
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[] _value;

    public AdminKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>Constant-time, so response timing does not leak how much of a guess was right.</summary>
    public bool Matches(string? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(_value, Encoding.UTF8.GetBytes(candidate));
    }

    public bool Matches(ReadOnlySpan<byte> candidate) => CryptographicOperations.FixedTimeEquals(_value, candidate);
}
