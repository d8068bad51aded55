namespace SmartCity.Twin.Runtime.Tests.Grains;

[GrainType("counter")]
public sealed class CounterGrain(ActivationJournal journal, [PersistentState("count")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Events.Enqueue("activate " + GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Events.Enqueue($"deactivate {GetPrimaryKeyString()} {reason}");
        await state.WriteStateAsync();
    }

    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<Guid> GetActivationId() => Task.FromResult(activationId);

    public Task Add(int amount)
    {
        state.State.Value += amount;
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
