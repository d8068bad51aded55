using SmartCity.Twin.Runtime.Tests.Grains;

namespace SmartCity.Twin.Runtime.Tests;

public sealed class ReminderSpecs
{
    [Fact]
    public async Task A_reminder_fires_every_period_and_activates_the_grain_to_do_so()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        await cluster.GrainFactory.GetGrain<IAlarmClockGrain>("aqi-hourly").SetReminder("hourly", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        cluster.TimeProvider.Advance(TimeSpan.FromHours(1));
        await ClusterFixture.Eventually(() => journal.Events.Contains("reminder aqi-hourly hourly 02:00"), "the first reminder tick");

        // The grain is collected after two idle minutes; the next tick brings it back.
        cluster.TimeProvider.Advance(TimeSpan.FromHours(1));
        await ClusterFixture.Eventually(() => journal.Events.Contains("reminder aqi-hourly hourly 03:00"), "the second reminder tick");
        Assert.True(journal.Count("deactivate aqi-hourly IdleCollection") >= 1);
    }

    [Fact]
    public async Task A_reminder_fires_again_after_a_silo_restart()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        await cluster.GrainFactory.GetGrain<IAlarmClockGrain>("daily-kpi").SetReminder("kpi", TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));

        await cluster.RestartAsync();
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(30));

        await ClusterFixture.Eventually(() => journal.Events.Contains("reminder daily-kpi kpi 01:30"), "the reminder fires in the restarted silo");
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_fire()
    {
        var journal = new ActivationJournal();
        await using var cluster = await ClusterFixture.StartAsync(journal);
        var clock = cluster.GrainFactory.GetGrain<IAlarmClockGrain>("cancelled");
        await clock.SetReminder("r", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        await clock.CancelReminder("r");
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(100);

        Assert.DoesNotContain(journal.Events, e => e.StartsWith("reminder cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_shorter_than_the_minimum_period_is_refused()
    {
        await using var cluster = await ClusterFixture.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => cluster.GrainFactory.GetGrain<IAlarmClockGrain>("fast").SetReminder("r", TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        Assert.Contains("grain timer", error.Message, StringComparison.Ordinal);
    }
}
