namespace SmartCity.Twin.Runtime.Tests.Grains;

[Reentrant]
[GrainType("reentrant-relay")]
public sealed class ReentrantRelayGrain(TurnGates gates) : Grain, IReentrantRelayGrain
{
    public async Task CallBackAfter(string gate, string callerKey)
    {
        gates.Entered.Enqueue("relay " + gate);
        await gates.WaitAsync(gate);
        await GrainFactory.GetGrain<IPingPongGrain>(callerKey).Relay([], 0);
    }

    public Task Touch() => Task.CompletedTask;
}
