using System.Collections.Frozen;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>Every API key and operator at one moment; immutable, so the request path reads it without locks.</summary>
internal sealed class AccessSnapshot
{
    public AccessSnapshot(IReadOnlyList<ApiKeyRecord> keys, IReadOnlyList<OperatorAccount> stored, IReadOnlyList<OperatorAccount> configured)
    {
        Keys = keys;
        KeysByLookupId = keys.ToFrozenDictionary(k => k.LookupId, StringComparer.Ordinal);

        // Configuration wins over a stored account of the same name: what the deployment says is what holds.
        var operators = new Dictionary<string, KnownOperator>(StringComparer.Ordinal);
        foreach (var account in stored)
        {
            operators[account.Username] = new KnownOperator(account, FromConfiguration: false);
        }

        foreach (var account in configured)
        {
            operators[account.Username] = new KnownOperator(account, FromConfiguration: true);
        }

        Operators = operators.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<ApiKeyRecord> Keys { get; }

    public FrozenDictionary<string, ApiKeyRecord> KeysByLookupId { get; }

    public FrozenDictionary<string, KnownOperator> Operators { get; }
}
