using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class LifecycleSpecs
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_after_fifteen_minutes_and_keeps_its_state()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("fire-panel-3");
        await counter.Increment();

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(14));
        await Task.Delay(50);
        Assert.Equal(0, journal.Count("deactivate fire-panel-3 IdleCollection"));

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(2));
        await ClusterFixture.Eventually(() => cluster.ActivationCount == 0, "the idle grain is collected");
        Assert.Equal(1, journal.Count("deactivate fire-panel-3 IdleCollection"));

        Assert.Equal(2, await counter.Increment());
        Assert.Equal(2, journal.Count("activate fire-panel-3"));
    }

    [Fact]
    public async Task A_grain_in_use_is_not_collected()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>("busy");

        for (var minute = 0; minute < 30; minute++)
        {
            await counter.Increment();
            cluster.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        }

        await Task.Delay(50);
        Assert.Equal(1, journal.Count("activate busy"));
        Assert.Equal(0, journal.Count("deactivate busy IdleCollection"));
    }

    [Fact]
    public async Task A_grain_class_can_shorten_its_collection_age()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        await cluster.GrainFactory.GetGrain<IAlarmClockGrain>("short-lived").StartTicking(TimeSpan.FromHours(1));

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(3));

        await ClusterFixture.Eventually(() => journal.Count("deactivate short-lived IdleCollection") == 1, "a 2-minute grain is collected after 3 minutes");
    }

    [Fact]
    public async Task Grain_timer_ticks_run_as_turns_and_stop_with_the_activation()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        await cluster.GrainFactory.GetGrain<IAlarmClockGrain>("clock").StartTicking(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 3; i++)
        {
            cluster.TimeProvider.Advance(TimeSpan.FromSeconds(10));
            var expected = $"tick clock {i + 1}";
            await ClusterFixture.Eventually(() => journal.Events.Contains(expected), expected);
        }

        // Ticks do not keep the grain alive: after its 2-minute age it is collected and ticks stop.
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(3));
        await ClusterFixture.Eventually(() => journal.Count("deactivate clock IdleCollection") == 1, "the ticking grain is collected");
        var ticks = journal.Events.Count(e => e.StartsWith("tick clock", StringComparison.Ordinal));
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);
        Assert.Equal(ticks, journal.Events.Count(e => e.StartsWith("tick clock", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_grain_and_their_state_survives_a_restart()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        for (var i = 0; i < 10; i++)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>("counter-" + i).Add(i + 1);
        }

        await cluster.GrainFactory.GetGrain<ICounterGrain>("counter-9").Get();
        await cluster.RestartAsync();

        Assert.Equal(10, journal.Events.Count(e => e.EndsWith("ShuttingDown", StringComparison.Ordinal)));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i + 1, await cluster.GrainFactory.GetGrain<ICounterGrain>("counter-" + i).Get());
        }
    }

    [Fact]
    public async Task Stopping_twice_at_once_deactivates_each_grain_once_and_both_stops_complete()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        for (var i = 0; i < 5; i++)
        {
            await cluster.GrainFactory.GetGrain<ICounterGrain>("twice-" + i).Add(1);
        }

        var runtime = cluster.Services.GetRequiredService<GrainRuntime>();
        var first = runtime.StopAsync(CancellationToken.None);
        var second = runtime.StopAsync(CancellationToken.None);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, journal.Events.Count(e => e.EndsWith("ShuttingDown", StringComparison.Ordinal)));
    }
}
