namespace SmartCity.Twin.Runtime.Tests.Grains;

[Reentrant]
[GrainType("reentrant-probe")]
public sealed class ReentrantProbeGrain : Grain, IReentrantProbeGrain
{
    private readonly TurnProbe probe = new();

    public async Task Work(int yields)
    {
        probe.Begin();
        for (var i = 0; i < yields; i++)
        {
            probe.Segment();
            await Task.Delay(1);
        }

        probe.Segment();
        probe.End();
    }

    public Task<TurnReport> Report() => Task.FromResult(probe.Report());
}
