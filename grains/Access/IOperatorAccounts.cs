using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Access;

/// <summary>The operators created through the API (one grain, key <see cref="Key"/>); the API caches them in memory.</summary>
public interface IOperatorAccounts : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary><c>false</c> when a user of that name exists. Saved before it returns.</summary>
    Task<bool> Add(OperatorAccount account);

    /// <summary><c>false</c> when there was no user of that name. Saved before it returns.</summary>
    Task<bool> Remove(string username);

    /// <summary>
    /// Replaces the stored hash when it is still <paramref name="expectedHash"/> (a login upgrading an old hash format
    /// must not undo a change made meanwhile); <c>false</c> otherwise.
    /// </summary>
    Task<bool> ReplacePasswordHash(string username, string expectedHash, string newHash);

    /// <summary>Every account, ordered by user name.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OperatorAccount>> List();
}
