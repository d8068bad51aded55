using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class CallFailureSpecs
{
    [Fact]
    public async Task A_call_without_a_response_times_out_after_thirty_seconds()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var call = cluster.GrainFactory.GetGrain<IPingPongGrain>("stuck").Hang();

        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(call.IsCompleted);

        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<GrainRequestTimeoutException>(() => call);
        Assert.Contains("IPingPongGrain.Hang", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_cycle_into_a_non_reentrant_grain_fails_at_once_and_names_the_cycle()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var a = cluster.GrainFactory.GetGrain<IPingPongGrain>("a");

        // a -> b -> c -> a: a is waiting for b, so c's call into a could never run.
        var error = await Assert.ThrowsAsync<CallCycleException>(() => a.Relay(["b", "c", "a"], 0));

        Assert.Contains("ping-pong/a -> ping-pong/b -> ping-pong/c -> ping-pong/a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_chain_without_a_cycle_completes()
    {
        await using var cluster = await ClusterFixture.StartAsync();

        var route = await cluster.GrainFactory.GetGrain<IPingPongGrain>("a").Relay(["b", "c", "d"], 0);

        Assert.Equal("a>b>c>d", route);
    }

    [Fact]
    public async Task A_grain_calling_itself_and_waiting_is_a_cycle()
    {
        await using var cluster = await ClusterFixture.StartAsync();

        await Assert.ThrowsAsync<CallCycleException>(() => cluster.GrainFactory.GetGrain<IPingPongGrain>("self").Relay(["self"], 0));
    }

    [Fact]
    public async Task A_cycle_is_found_from_the_turn_that_makes_the_call_even_when_a_reentrant_grain_interleaves_other_turns()
    {
        var gates = new TurnGates();
        await using var cluster = await ClusterFixture.StartAsync(gates: gates);
        var a = cluster.GrainFactory.GetGrain<IPingPongGrain>("a");
        var relay = cluster.GrainFactory.GetGrain<IReentrantRelayGrain>("relay");

        // a waits on the relay; while the relay's turn waits, another caller's turn runs on it and ends.
        var call = a.CallThroughReentrant("relay", "go");
        await ClusterFixture.Eventually(() => gates.Entered.Contains("relay go"), "the relay's turn is waiting");
        await relay.Touch();
        gates.Open("go");

        // The relay's first turn now calls back into a, which is waiting for it: a cycle, reported at once.
        var error = await Assert.ThrowsAsync<CallCycleException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("ping-pong/a -> reentrant-relay/relay -> ping-pong/a", error.Message, StringComparison.Ordinal);
    }
}
