using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Access;

[GrainType("operator-accounts")]
internal sealed class OperatorAccountsGrain(
    [PersistentState("operators")] IPersistentState<OperatorAccountsState> state)
    : Grain, IOperatorAccounts
{
    public async Task<bool> Add(OperatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var accounts = state.State.Accounts;
        if (!accounts.TryAdd(account.Username, account))
        {
            return false;
        }

        await SaveOrUndoAsync(() => accounts.Remove(account.Username));
        return true;
    }

    public async Task<bool> Remove(string username)
    {
        var accounts = state.State.Accounts;
        if (!accounts.Remove(username, out var removed))
        {
            return false;
        }

        await SaveOrUndoAsync(() => accounts[username] = removed);
        return true;
    }

    public async Task<bool> ReplacePasswordHash(string username, string expectedHash, string newHash)
    {
        var accounts = state.State.Accounts;
        if (!accounts.TryGetValue(username, out var current) || current.PasswordHash != expectedHash)
        {
            return false;
        }

        accounts[username] = current with { PasswordHash = newHash };
        await SaveOrUndoAsync(() => accounts[username] = current);
        return true;
    }

    public Task<IReadOnlyList<OperatorAccount>> List()
        => Task.FromResult<IReadOnlyList<OperatorAccount>>([.. state.State.Accounts.Values.OrderBy(a => a.Username, StringComparer.Ordinal)]);

    /// <summary>A change that was not saved must not live on in memory, where later calls would see it.</summary>
    private async Task SaveOrUndoAsync(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}
