using SmartCity.Twin.Grains.Access;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Security;

/// <summary>
/// The in-memory copy of the API keys and operators that every request is checked against. It is loaded from the
/// grains on first use and reloaded after every change made through this silo, before that change's response is
/// sent: a revoked key or deleted user stops working at once.
/// </summary>
internal sealed class AccessDirectory(IGrainFactory grains, ConfiguredOperators configured) : IDisposable
{
    // Reloads run one at a time, each reading the grains after the previous one: a slow reload cannot overwrite a newer one.
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile AccessSnapshot? _current;

    public IApiKeyRegistry Keys => grains.GetGrain<IApiKeyRegistry>(IApiKeyRegistry.Key);

    public IOperatorAccounts Operators => grains.GetGrain<IOperatorAccounts>(IOperatorAccounts.Key);

    public ValueTask<AccessSnapshot> GetAsync(CancellationToken cancellationToken = default)
        => _current is { } current ? ValueTask.FromResult(current) : new ValueTask<AccessSnapshot>(ReloadAsync(cancellationToken));

    /// <summary>
    /// The issued key <paramref name="presented"/> is, when it is one and its secret matches (constant-time); <c>null</c>
    /// otherwise. Completes synchronously once the directory is loaded, so the MQTT endpoint can check keys on CONNECT.
    /// </summary>
    public async ValueTask<ApiKeyRecord?> FindKeyAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecret.TryParse(presented, out var lookupId, out var secret))
        {
            return null;
        }

        var access = await GetAsync(cancellationToken);
        return access.KeysByLookupId.TryGetValue(lookupId, out var key) && ApiKeySecret.Matches(key, secret) ? key : null;
    }

    public async Task<AccessSnapshot> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var keys = await Keys.List();
            var stored = await Operators.List();
            var snapshot = new AccessSnapshot(keys, stored, configured.Accounts);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose() => _reload.Dispose();
}
