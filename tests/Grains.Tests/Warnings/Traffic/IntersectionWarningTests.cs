using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Intersections;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Warnings.Traffic;

public sealed class IntersectionWarningTests
{
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(30);

    private static Task ReportAsync(IIntersectionTwin twin, DateTimeOffset at, double queue, double speed) =>
        twin.ReportTelemetry(TelemetryBatch.Of(at, ("queue_length", queue), ("speed", speed), ("violations", 0)));

    [Fact]
    public async Task A_gridlock_ramping_up_at_a_new_intersection_raises_congestion_from_when_both_limits_were_crossed_then_clears()
    {
        await using var silo = await WarningCluster.StartAsync();
        var junction = await silo.ProvisionAsync<IIntersectionTwin>("junction-gridlock");

        // Monday 17:00 local, 30 s readings; from 17:10 the queue ramps 60 → 150 and the speed 8 → 3 over 20 minutes.
        silo.Clock.Advance(TimeSpan.FromHours(10));
        var start = silo.Clock.GetUtcNow().AddHours(-1);
        DateTimeOffset? crossed = null;
        string[]? beforeSustained = null;
        for (var at = start; at < start.AddMinutes(50); at += Reading)
        {
            var progress = Math.Clamp((at - start.AddMinutes(10)) / TimeSpan.FromMinutes(20), 0, 1);
            var queue = 60 + (90 * progress);
            var speed = 8 - (5 * progress);
            crossed ??= queue >= 100 && speed <= 5 ? at : null;
            await ReportAsync(junction, at, queue, speed);
            if (crossed is { } c && at == c.AddMinutes(4.5))
            {
                beforeSustained = await silo.ActiveWarningsAsync(junction);
            }
        }

        var during = await silo.ActiveWarningsAsync(junction);
        var alert = await silo.AlertAsync("junction-gridlock", WarningTypes.Congestion);
        for (var at = start.AddMinutes(50); at <= start.AddMinutes(60); at += Reading)
        {
            await ReportAsync(junction, at, 55, 9);
        }

        Assert.DoesNotContain(WarningTypes.Congestion, beforeSustained!);
        Assert.Contains(WarningTypes.Congestion, during);
        Assert.Equal(crossed, alert!.RaisedAt);
        Assert.InRange(alert.Evidence["queue_length"], 100, 150);
        Assert.InRange(alert.Evidence["speed"], 3, 5);
        Assert.StartsWith("Ùn tắc từ 17:", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WarningTypes.Congestion, await silo.ActiveWarningsAsync(junction));
        Assert.Equal(1, silo.RaiseCount("junction-gridlock", WarningTypes.Congestion));
    }

    [Fact]
    public async Task A_junction_that_knows_its_rush_hour_stays_quiet_in_it_and_warns_when_it_is_twice_as_long_and_half_as_fast()
    {
        await using var silo = await WarningCluster.StartAsync();
        var junction = await silo.ProvisionAsync<IIntersectionTwin>("junction-baseline");

        // Tuesday 18:00 local; Monday's 17:00–18:00 rush (18 vehicles, 30 km/h) is the baseline.
        silo.Clock.Advance(TimeSpan.FromHours(34));
        var monday = silo.Clock.GetUtcNow().AddDays(-1).AddHours(-1);
        for (var at = monday; at < monday.AddHours(1); at += Reading)
        {
            await ReportAsync(junction, at, 17 + (at.Second / 30) + (at.Minute % 2), 30);
        }

        var tuesday = monday.AddDays(1);
        for (var at = tuesday; at < tuesday.AddMinutes(20); at += Reading)
        {
            await ReportAsync(junction, at, 23 + (at.Second / 30) + (at.Minute % 2), 24);
        }

        var usualRush = await silo.ActiveWarningsAsync(junction);
        for (var at = tuesday.AddMinutes(20); at < tuesday.AddMinutes(40); at += Reading)
        {
            await ReportAsync(junction, at, 44 + (at.Second / 30) + (at.Minute % 2), 11);
        }

        Assert.Empty(usualRush);
        Assert.Contains(WarningTypes.Congestion, await silo.ActiveWarningsAsync(junction));
        var alert = await silo.AlertAsync("junction-baseline", WarningTypes.Congestion);
        Assert.Equal(tuesday.AddMinutes(20), alert!.RaisedAt);
        Assert.Contains("tốc độ 11 km/h (thường giờ này 20 xe, 28,5 km/h)", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WarningTypes.SensorFault, usualRush);
    }

    [Fact]
    public async Task A_controller_fault_flag_raises_fault_at_its_time_and_clearing_the_flag_clears_it()
    {
        await using var silo = await WarningCluster.StartAsync();
        var junction = await silo.ProvisionAsync<IIntersectionTwin>("junction-fault");
        var at = silo.Clock.GetUtcNow().AddMinutes(-3);

        await junction.ReportTelemetry(TelemetryBatch.Of(at, ("fault", 1), ("queue_length", 10)));
        await junction.ReportTelemetry(TelemetryBatch.Of(at.AddMinutes(1), ("fault", 1)));
        var faulty = await silo.ActiveWarningsAsync(junction);
        await junction.ReportTelemetry(TelemetryBatch.Of(at.AddMinutes(2), ("fault", 0)));

        Assert.Contains(WarningTypes.Fault, faulty);
        var alert = await silo.AlertAsync("junction-fault", WarningTypes.Fault);
        Assert.Equal(at, alert!.RaisedAt);
        Assert.Equal(1, alert.RepeatCount);
        Assert.DoesNotContain(WarningTypes.Fault, await silo.ActiveWarningsAsync(junction));
    }

    [Fact]
    public async Task A_queue_detector_stuck_on_one_count_for_an_hour_is_a_sensor_fault_and_no_congestion_until_it_counts_again()
    {
        await using var silo = await WarningCluster.StartAsync();
        var junction = await silo.ProvisionAsync<IIntersectionTwin>("junction-stuck");
        silo.Clock.Advance(TimeSpan.FromHours(10));
        var start = silo.Clock.GetUtcNow().AddHours(-2);
        string[]? at59 = null;
        for (var at = start; at < start.AddMinutes(75); at += Reading)
        {
            await ReportAsync(junction, at, 120, at < start.AddMinutes(60) ? 20 : 3);
            if (at == start.AddMinutes(59.5))
            {
                at59 = await silo.ActiveWarningsAsync(junction);
            }
        }

        var stuck = await silo.ActiveWarningsAsync(junction);
        var fault = await silo.AlertAsync("junction-stuck", WarningTypes.SensorFault);
        await ReportAsync(junction, start.AddMinutes(75), 37, 25);

        Assert.DoesNotContain(WarningTypes.SensorFault, at59!);
        Assert.Contains(WarningTypes.SensorFault, stuck);
        Assert.DoesNotContain(WarningTypes.Congestion, stuck);
        Assert.Equal(start, fault!.RaisedAt);
        Assert.StartsWith("Bộ đếm hàng chờ đứng yên ở 120 xe", fault.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WarningTypes.SensorFault, await silo.ActiveWarningsAsync(junction));
    }
}
