namespace SmartCity.Twin.Runtime.Tests.Grains;

[GrainType("turn-probe")]
public sealed class TurnProbeGrain(TurnGates gates) : Grain, ITurnProbeGrain
{
    private readonly TurnProbe probe = new();

    public async Task Work(int yields)
    {
        probe.Begin();
        for (var i = 0; i < yields; i++)
        {
            probe.Segment();
            await Task.Yield();
        }

        probe.Segment();
        probe.End();
    }

    public async Task ReadWaitingFor(string gate)
    {
        gates.Entered.Enqueue("read " + gate);
        await gates.WaitAsync(gate);
    }

    public async Task WriteWaitingFor(string gate)
    {
        gates.Entered.Enqueue("write " + gate);
        await gates.WaitAsync(gate);
    }

    public Task<TurnReport> Report() => Task.FromResult(probe.Report());
}
