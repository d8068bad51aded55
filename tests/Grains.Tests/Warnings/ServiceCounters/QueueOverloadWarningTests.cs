using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Warnings.ServiceCounters;

public sealed class QueueOverloadWarningTests
{
    [Fact]
    public async Task A_queue_over_30_for_15_minutes_raises_queue_overload_from_when_it_began_and_clears_after_10_minutes_below()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-queue");
        await counter.ReportOfficerPresence(true, silo.Clock.GetUtcNow().AddHours(-1));
        var start = silo.Clock.GetUtcNow().AddMinutes(-40);
        string[]? at14 = null;
        for (var minute = 0; minute <= 15; minute++)
        {
            await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(minute), ("queue_length", 31 + minute)));
            if (minute == 14)
            {
                at14 = await silo.ActiveWarningsAsync(counter);
            }
        }

        var raised = await silo.ActiveWarningsAsync(counter);
        for (var minute = 16; minute <= 26; minute++)
        {
            await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(minute), ("queue_length", 12)));
        }

        Assert.DoesNotContain(WarningTypes.QueueOverload, at14!);
        Assert.Contains(WarningTypes.QueueOverload, raised);
        Assert.Equal(start, (await silo.AlertAsync("counter-queue", WarningTypes.QueueOverload))!.RaisedAt);
        Assert.DoesNotContain(WarningTypes.QueueOverload, await silo.ActiveWarningsAsync(counter));
    }

    [Fact]
    public async Task A_busy_morning_that_touches_30_people_now_and_then_is_not_an_overload()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-busy");
        var start = silo.Clock.GetUtcNow().AddHours(-2);
        for (var minute = 0; minute < 120; minute++)
        {
            await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(minute), ("queue_length", minute % 6 == 0 ? 28 : 34)));
        }

        Assert.Empty(await silo.ActiveWarningsAsync(counter));
    }

    [Fact]
    public async Task A_queue_counter_stuck_at_40_people_is_a_sensor_fault_not_a_lasting_overload()
    {
        await using var silo = await WarningCluster.StartAsync();
        var counter = await silo.ProvisionAsync<IServiceCounterTwin>("counter-stuck");
        silo.Clock.Advance(TimeSpan.FromHours(3));
        var start = silo.Clock.GetUtcNow().AddHours(-2);
        for (var minute = 0; minute < 60; minute++)
        {
            await counter.ReportTelemetry(TelemetryBatch.Of(start.AddMinutes(minute), ("queue_length", 40)));
        }

        var warnings = await silo.ActiveWarningsAsync(counter);
        var fault = await silo.AlertAsync("counter-stuck", WarningTypes.SensorFault);

        Assert.Contains(WarningTypes.SensorFault, warnings);
        Assert.DoesNotContain(WarningTypes.QueueOverload, warnings);
        Assert.Equal(start, fault!.RaisedAt);
        Assert.StartsWith("Bộ đếm hàng chờ đứng yên ở 40 người", fault.Message, StringComparison.Ordinal);
    }
}
