using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Tests.Twins;

namespace SmartCity.Twin.Grains.Tests.Warnings.ServiceCounters;

/// <summary>The clock starts on Monday 2026-01-05 at 08:00 in Vietnam: the counters are open.</summary>
public sealed class OfficerAbsentWarningTests
{
    [Fact]
    public async Task An_officer_away_14_minutes_59_is_not_absent_and_at_15_minutes_is_absent_from_exactly_then()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-absent");
        var left = silo.Clock.GetUtcNow();
        await counter.ReportOfficerPresence(false, left);

        silo.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await counter.ReportTelemetry(TelemetryBatch.Of(silo.Clock.GetUtcNow(), ("queue_length", 9)));
        var before = await silo.ActiveWarningsAsync(counter);
        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        await counter.ReportTelemetry(TelemetryBatch.Of(silo.Clock.GetUtcNow(), ("queue_length", 10)));

        Assert.DoesNotContain(WarningTypes.OfficerAbsent, before);
        Assert.Contains(WarningTypes.OfficerAbsent, await silo.ActiveWarningsAsync(counter));
        var alert = await silo.AlertAsync("counter-absent", WarningTypes.OfficerAbsent);
        Assert.Equal(left.AddMinutes(15), alert!.RaisedAt);
        Assert.Contains("15 phút", alert.Message, StringComparison.Ordinal);
        Assert.Contains("08:00", alert.Message, StringComparison.Ordinal);
        Assert.True(alert.Evidence.ContainsKey("queue_length"));
    }

    [Fact]
    public async Task The_counters_own_clock_decides_so_a_late_batch_stamped_after_the_limit_raises_with_its_onset()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-replay");
        var left = silo.Clock.GetUtcNow().AddMinutes(-20);
        await counter.ReportOfficerPresence(false, left);
        await counter.ReportTelemetry(TelemetryBatch.Of(left.AddMinutes(16), ("queue_length", 20)));

        Assert.Contains(WarningTypes.OfficerAbsent, await silo.ActiveWarningsAsync(counter));
        Assert.Equal(left.AddMinutes(15), (await silo.AlertAsync("counter-replay", WarningTypes.OfficerAbsent))!.RaisedAt);
    }

    [Fact]
    public async Task A_silent_counter_is_judged_by_a_timer_once_the_limit_has_passed()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-silent");
        var left = silo.Clock.GetUtcNow();
        await counter.ReportOfficerPresence(false, left);

        silo.Clock.Advance(TimeSpan.FromMinutes(16));
        var warnings = await Eventually.Until(() => silo.ActiveWarningsAsync(counter), w => w.Contains(WarningTypes.OfficerAbsent));

        Assert.Contains(WarningTypes.OfficerAbsent, warnings);
        Assert.Equal(left.AddMinutes(15), (await silo.AlertAsync("counter-silent", WarningTypes.OfficerAbsent))!.RaisedAt);
    }

    [Fact]
    public async Task An_absence_over_the_lunch_break_counts_only_the_afternoons_opening_hours()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-lunch");
        silo.Clock.Advance(TimeSpan.FromHours(6));

        // 11:20 local: 10 minutes before the lunch break.
        var left = silo.Clock.GetUtcNow().AddHours(-2).AddMinutes(-40);
        await counter.ReportOfficerPresence(false, left);
        await counter.ReportTelemetry(TelemetryBatch.Of(left.AddMinutes(60), ("queue_length", 0)));
        await counter.ReportTelemetry(TelemetryBatch.Of(left.AddMinutes(144), ("queue_length", 3)));
        var atLunch = await silo.ActiveWarningsAsync(counter);
        await counter.ReportTelemetry(TelemetryBatch.Of(left.AddMinutes(145), ("queue_length", 4)));

        Assert.DoesNotContain(WarningTypes.OfficerAbsent, atLunch);
        Assert.Contains(WarningTypes.OfficerAbsent, await silo.ActiveWarningsAsync(counter));
        Assert.Equal(left.AddMinutes(145), (await silo.AlertAsync("counter-lunch", WarningTypes.OfficerAbsent))!.RaisedAt);
    }

    [Fact]
    public async Task The_warning_clears_when_the_officer_is_back_and_a_second_long_absence_raises_it_again()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-back");
        silo.Clock.Advance(TimeSpan.FromHours(2));
        var start = silo.Clock.GetUtcNow().AddHours(-1);
        await counter.ReportOfficerPresence(false, start);
        await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(20), ("queue_length", 12)));
        await counter.ReportOfficerPresence(true, start.AddMinutes(25));
        var back = await silo.ActiveWarningsAsync(counter);
        await counter.ReportOfficerPresence(false, start.AddMinutes(30));
        await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(46), ("queue_length", 12)));

        Assert.DoesNotContain(WarningTypes.OfficerAbsent, back);
        Assert.Contains(WarningTypes.OfficerAbsent, await silo.ActiveWarningsAsync(counter));
        Assert.Equal(2, silo.RaiseCount("counter-back", WarningTypes.OfficerAbsent));
    }

    [Fact]
    public async Task Readings_during_one_long_absence_raise_the_warning_once()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-once");
        var left = silo.Clock.GetUtcNow().AddMinutes(-50);
        await counter.ReportOfficerPresence(false, left);
        for (var minute = 1; minute <= 50; minute++)
        {
            await counter.ReportTelemetry(TelemetryBatch.Of(left.AddMinutes(minute), ("queue_length", 10 + (minute / 3))));
        }

        Assert.Equal(1, silo.RaiseCount("counter-once", WarningTypes.OfficerAbsent));
    }

    [Fact]
    public async Task With_detectors_off_an_absent_officer_raises_nothing()
    {
        await using var silo = await WarningCluster.StartAsync(o => o.Enabled = false);
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-off");
        var left = silo.Clock.GetUtcNow().AddMinutes(-30);
        await counter.ReportOfficerPresence(false, left);
        await counter.ReportTelemetry(TelemetryBatch.Of(silo.Clock.GetUtcNow(), ("queue_length", 50)));

        Assert.Empty(await silo.ActiveWarningsAsync(counter));
    }
}
