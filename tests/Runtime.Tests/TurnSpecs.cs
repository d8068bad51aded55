using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class TurnSpecs
{
    [Fact]
    public async Task A_grain_never_runs_two_turns_at_once()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var probe = cluster.GrainFactory.GetGrain<ITurnProbeGrain>("intersection-17");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => probe.Work(yields: 3))));

        var report = await probe.Report();
        Assert.Equal(200, report.Completed);
        Assert.Equal(1, report.MaxTurnsInProgress);
        Assert.Equal(0, report.ParallelExecutions);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_turns_at_awaits_but_never_runs_on_two_threads()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var probe = cluster.GrainFactory.GetGrain<IReentrantProbeGrain>("camera-hub");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => probe.Work(yields: 3))));

        var report = await probe.Report();
        Assert.Equal(50, report.Completed);
        Assert.True(report.MaxTurnsInProgress > 1, "reentrant turns should interleave");
        Assert.Equal(0, report.ParallelExecutions);
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_write()
    {
        var gates = new TurnGates();
        await using var cluster = await ClusterFixture.StartAsync(gates: gates);
        var grain = cluster.GrainFactory.GetGrain<ITurnProbeGrain>("counter-desk");
        await grain.Report();

        var read1 = grain.ReadWaitingFor("r1");
        var read2 = grain.ReadWaitingFor("r2");
        await ClusterFixture.Eventually(() => gates.Entered.Count == 2, "both read-only calls run together");

        var write = grain.WriteWaitingFor("w");
        await Task.Delay(100);
        Assert.DoesNotContain("write w", gates.Entered);

        gates.Open("r1");
        gates.Open("r2");
        await Task.WhenAll(read1, read2);
        await ClusterFixture.Eventually(() => gates.Entered.Contains("write w"), "the write runs once the reads are done");
        gates.Open("w");
        await write;
    }
}
