using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Access;

[GrainType("api-key-registry")]
internal sealed class ApiKeyRegistryGrain(
    [PersistentState("api-keys")] IPersistentState<ApiKeyRegistryState> state)
    : Grain, IApiKeyRegistry
{
    public async Task<IssuedApiKey?> Issue(ApiKeyGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var keys = state.State.Keys;
        if (keys.ContainsKey(grant.Name))
        {
            return null;
        }

        string lookupId;
        do
        {
            lookupId = ApiKeySecret.NewLookupId();
        }
        while (keys.Values.Any(k => k.LookupId == lookupId));

        var secret = ApiKeySecret.NewSecret();
        var salt = ApiKeySecret.NewSalt();
        var record = new ApiKeyRecord(
            grant.Name, lookupId, salt, ApiKeySecret.Hash(salt, secret), [.. grant.Scopes], grant.RateLimitPerMinute,
            TimeProvider.GetUtcNow(), grant.CreatedBy);
        keys[grant.Name] = record;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not saved means not issued: the caller sees the failure and the key must not work from memory alone.
            keys.Remove(grant.Name);
            throw;
        }

        return new IssuedApiKey(record, ApiKeySecret.Format(lookupId, secret));
    }

    public async Task<bool> Revoke(string name)
    {
        var keys = state.State.Keys;
        if (!keys.Remove(name, out var removed))
        {
            return false;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            keys[name] = removed;
            throw;
        }

        return true;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> List()
        => Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. state.State.Keys.Values.OrderBy(k => k.Name, StringComparer.Ordinal)]);
}
