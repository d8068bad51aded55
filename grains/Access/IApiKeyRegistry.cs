using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Access;

/// <summary>The API keys of the silo (one grain, key <see cref="Key"/>): few, written rarely, read once into the API's cache.</summary>
public interface IApiKeyRegistry : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>Creates the key and returns it once; <c>null</c> when a key of that name exists. Saved before it returns.</summary>
    Task<IssuedApiKey?> Issue(ApiKeyGrant grant);

    /// <summary>Deletes the key; <c>false</c> when there was none of that name. Saved before it returns.</summary>
    Task<bool> Revoke(string name);

    /// <summary>Every key, ordered by name, with hashes (for the API's in-memory cache; never sent to clients).</summary>
    [ReadOnly]
    Task<IReadOnlyList<ApiKeyRecord>> List();
}
