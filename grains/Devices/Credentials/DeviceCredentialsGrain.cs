using System.Security.Cryptography;
using System.Text;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Credentials;

/// <remarks>
/// Secrets are 256 random bits, so a fast salted HMAC is enough: a slow password hash (PBKDF2, Argon2) protects
/// guessable human passwords and would only make every device reconnection after a silo restart cost CPU.
/// </remarks>
[GrainType("device-credentials")]
internal sealed class DeviceCredentialsGrain(
    [PersistentState("credentials")] IPersistentState<DeviceCredentialsState> state)
    : Grain, IDeviceCredentials
{
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    public async Task<DeviceRegistration> Register(DeviceKind kind)
    {
        var current = state.State;
        var deviceId = GetPrimaryKeyString();
        if (current.Kind is { } registered)
        {
            if (registered != kind)
            {
                throw new DeviceKindConflictException(deviceId, registered, kind);
            }

            return new DeviceRegistration(deviceId, registered, IsNew: false, Secret: null, current.RegisteredAt ?? default);
        }

        var secret = NewSecret(out var salt, out var hash);
        current.Kind = kind;
        current.Salt = salt;
        current.SecretHash = hash;
        current.RegisteredAt = TimeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return new DeviceRegistration(deviceId, kind, IsNew: true, secret, current.RegisteredAt.Value);
    }

    public async Task<string?> Rotate()
    {
        var current = state.State;
        if (current.Kind is null)
        {
            return null;
        }

        var (previousSalt, previousHash) = (current.Salt, current.SecretHash);
        var secret = NewSecret(out var salt, out var hash);
        current.Salt = salt;
        current.SecretHash = hash;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not saved means not rotated: the caller never sees the new secret, so the old one must keep working.
            current.Salt = previousSalt;
            current.SecretHash = previousHash;
            throw;
        }

        return secret;
    }

    public Task<DeviceKind?> Authenticate(string secret)
    {
        var current = state.State;
        if (current.Kind is null || current.Salt is null || current.SecretHash is null || string.IsNullOrEmpty(secret))
        {
            return Task.FromResult<DeviceKind?>(null);
        }

        var matches = CryptographicOperations.FixedTimeEquals(Hash(current.Salt, secret), current.SecretHash);
        return Task.FromResult(matches ? current.Kind : null);
    }

    public Task<DeviceKind?> GetKind() => Task.FromResult(state.State.Kind);

    public async Task Remove()
    {
        if (state.State.Kind is null)
        {
            return;
        }

        await state.ClearStateAsync();
    }

    private static string NewSecret(out byte[] salt, out byte[] hash)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        salt = RandomNumberGenerator.GetBytes(SaltBytes);
        hash = Hash(salt, secret);
        return secret;
    }

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
