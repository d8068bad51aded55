using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class ActivationSpecs
{
    [Fact]
    public async Task A_reference_does_not_activate_the_grain_its_first_call_does()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);

        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("cam-001");
        Assert.Equal(0, cluster.ActivationCount);
        Assert.Empty(journal.Events);

        Assert.Equal(1, await counter.Increment());
        Assert.Equal(1, cluster.ActivationCount);
        Assert.Equal(["activate cam-001"], journal.Events);
    }

    [Fact]
    public async Task One_hundred_concurrent_first_callers_reach_a_single_activation()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("district-thai-thuy");
            await grain.Increment();
            return await grain.GetActivationId();
        })).ToArray();
        start.Set();
        var activationIds = await Task.WhenAll(callers);

        Assert.Single(activationIds.Distinct());
        Assert.Equal(1, journal.Count("activate district-thai-thuy"));
        Assert.Equal(100, await cluster.GrainFactory.GetGrain<ICounterGrain>("district-thai-thuy").Get());
    }

    [Fact]
    public async Task Different_keys_are_different_grains()
    {
        await using var cluster = await ClusterFixture.StartAsync();

        await cluster.GrainFactory.GetGrain<ICounterGrain>("a").Increment();
        await cluster.GrainFactory.GetGrain<ICounterGrain>("a").Increment();
        await cluster.GrainFactory.GetGrain<ICounterGrain>("b").Increment();

        Assert.Equal(2, await cluster.GrainFactory.GetGrain<ICounterGrain>("a").Get());
        Assert.Equal(1, await cluster.GrainFactory.GetGrain<ICounterGrain>("b").Get());
    }

    [Fact]
    public async Task One_way_calls_are_applied_in_the_order_they_were_sent()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("sensor-pm25");

        for (var i = 1; i <= 1000; i++)
        {
            await counter.Add(i);
        }

        // A request/response call queued behind them sees every one of them.
        Assert.Equal(500500, await counter.Get());
    }

    [Fact]
    public async Task An_exception_in_a_grain_method_reaches_the_caller()
    {
        await using var cluster = await ClusterFixture.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => cluster.GrainFactory.GetGrain<IPingPongGrain>("p").Fail("panel fault"));

        Assert.Equal("panel fault", error.Message);
    }

    [Fact]
    public async Task Calls_made_while_a_grain_deactivates_are_served_by_its_next_activation()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("counter-1");
        var first = await counter.GetActivationId();

        await counter.Deactivate();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => counter.Increment()));

        Assert.Equal(20, results.Max());
        Assert.NotEqual(first, await counter.GetActivationId());
        Assert.Equal(2, journal.Count("activate counter-1"));
    }
}
