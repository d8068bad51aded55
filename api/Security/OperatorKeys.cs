using System.Text;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// API keys over MQTT: an issued key with <c>write:telemetry</c> is a gateway; the admin key, and an issued key that
/// may read twins (<c>read:twins</c> or <c>admin</c>), watch the device topics read-only; other keys get nothing,
/// since the device topics are twin data. Checked against the same in-memory directory as HTTP requests, so a revoked
/// key stops new MQTT connections at once (connections it already opened live on).
/// </summary>
internal sealed class OperatorKeys(AdminKey adminKey, AccessDirectory directory) : IOperatorKeys
{
    /// <summary>Longer is not a key of ours; not decoding it keeps a flood of junk passwords cheap.</summary>
    private const int MaxKeyLength = 256;

    public ValueTask<KeyAccess> CheckAsync(ReadOnlyMemory<byte> password, CancellationToken cancellationToken)
    {
        if (adminKey.Matches(password.Span))
        {
            return ValueTask.FromResult(KeyAccess.Operator);
        }

        if (password.Length > MaxKeyLength || !password.Span.StartsWith(IssuedKeyPrefix))
        {
            return ValueTask.FromResult(KeyAccess.None);
        }

        var found = directory.FindKeyAsync(Encoding.UTF8.GetString(password.Span), cancellationToken);
        return found.IsCompletedSuccessfully ? ValueTask.FromResult(AccessOf(found.Result)) : AwaitAccessAsync(found);
    }

    private static ReadOnlySpan<byte> IssuedKeyPrefix => "twk."u8;

    private static async ValueTask<KeyAccess> AwaitAccessAsync(ValueTask<ApiKeyRecord?> found) => AccessOf(await found);

    private static KeyAccess AccessOf(ApiKeyRecord? key)
    {
        if (key is null)
        {
            return KeyAccess.None;
        }

        if (key.Scopes.Contains(ApiScopes.WriteTelemetry, StringComparer.Ordinal))
        {
            return KeyAccess.Gateway;
        }

        return key.Scopes.Contains(ApiScopes.ReadTwins, StringComparer.Ordinal) || key.Scopes.Contains(ApiScopes.Admin, StringComparer.Ordinal)
            ? KeyAccess.Operator
            : KeyAccess.None;
    }
}
