using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Warnings.Pollution;

namespace SmartCity.Twin.Grains.Tests.Warnings.Pollution;

public sealed class EnvironmentSensorWarningTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_haze_ramp_raises_pollution_an_hour_after_the_AQI_crossed_151_not_before_and_clears_when_the_air_is_clean_again()
    {
        await using var silo = await WarningCluster.StartAsync();
        var station = await silo.ProvisionAsync<IEnvironmentSensorTwin>("env-haze");
        silo.Clock.Advance(TimeSpan.FromHours(16));
        var start = silo.Clock.GetUtcNow().AddHours(-16);

        // Two clean hours at 40 µg/m³, then PM2.5 ramps to 260 and PM10 to 390 over 2 h 30, as the haze-episode drill.
        DateTimeOffset? crossed = null;
        AirQualityBand? bandAtRaise = null;
        var worstBand = AirQualityBand.Good;
        string[]? justBefore = null;
        var at = start;
        for (; at < start.AddHours(7); at += Minute)
        {
            var progress = Math.Clamp((at - start.AddHours(2)) / TimeSpan.FromMinutes(150), 0, 1);
            var noise = 1 + (0.03 * Math.Sin(at.Minute));
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", Math.Round((40 + (220 * progress)) * noise, 1)), ("pm10", Math.Round((70 + (320 * progress)) * noise, 1))));
            var aqi = await station.GetAirQuality();
            crossed ??= aqi is { Value: >= 151 } ? at : null;
            if (crossed is { } c && at == c.AddMinutes(59))
            {
                justBefore = await silo.ActiveWarningsAsync(station);
            }

            if (crossed is { } r && at == r.AddMinutes(60))
            {
                bandAtRaise = aqi!.Band;
            }

            if (bandAtRaise is not null && aqi!.Band > worstBand)
            {
                worstBand = aqi.Band;
            }
        }

        var polluted = await silo.ActiveWarningsAsync(station);
        var alert = await silo.AlertAsync("env-haze", WarningTypes.Pollution);
        for (; at < start.AddHours(16); at += Minute)
        {
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", 15 + (at.Minute % 3)), ("pm10", 25 + (at.Minute % 4))));
        }

        Assert.NotNull(crossed);
        Assert.DoesNotContain(WarningTypes.Pollution, justBefore!);
        Assert.Contains(WarningTypes.Pollution, polluted);
        Assert.Equal(crossed, alert!.RaisedAt);
        Assert.StartsWith("VN_AQI ", alert.Message, StringComparison.Ordinal);
        Assert.True(alert.Evidence["aqi"] >= 151);
        Assert.InRange(bandAtRaise!.Value, AirQualityBand.Unhealthy, AirQualityBand.VeryUnhealthy);

        // Raised in "Xấu" or already "Rất xấu" (the ramp is steep); a worse band later is one meaningful repeat each, nothing else is.
        Assert.InRange(worstBand, AirQualityBand.VeryUnhealthy, AirQualityBand.Hazardous);
        Assert.Equal(1 + (worstBand - bandAtRaise.Value), silo.RaiseCount("env-haze", WarningTypes.Pollution));
        Assert.Equal(PollutionWatch.SeverityOf(worstBand), alert.Severity);
        Assert.DoesNotContain(WarningTypes.Pollution, await silo.ActiveWarningsAsync(station));
        Assert.DoesNotContain(WarningTypes.SensorFault, polluted);
    }

    [Fact]
    public async Task A_PM2_5_sensor_stuck_at_180_raises_sensor_fault_and_no_pollution_and_the_fault_clears_when_it_reads_again()
    {
        await using var silo = await WarningCluster.StartAsync();
        var station = await silo.ProvisionAsync<IEnvironmentSensorTwin>("env-stuck");
        silo.Clock.Advance(TimeSpan.FromHours(5));
        var start = silo.Clock.GetUtcNow().AddHours(-4);
        var random = new Random(3);
        for (var at = start; at < start.AddHours(3); at += Minute)
        {
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", 180), ("pm10", Math.Round(90 + (10 * random.NextDouble()), 1))));
        }

        var stuck = await silo.ActiveWarningsAsync(station);
        var published = await station.GetAirQuality();
        var fault = await silo.AlertAsync("env-stuck", WarningTypes.SensorFault);
        for (var at = start.AddHours(3); at < start.AddHours(3.5); at += Minute)
        {
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", Math.Round(60 + (10 * random.NextDouble()), 1)), ("pm10", 95)));
        }

        Assert.Contains(WarningTypes.SensorFault, stuck);
        Assert.DoesNotContain(WarningTypes.Pollution, stuck);
        Assert.Null(await silo.AlertAsync("env-stuck", WarningTypes.Pollution));
        Assert.True(published!.Value >= 201, "the published AQI still shows what the station reports");
        Assert.Equal(start, fault!.RaisedAt);
        Assert.Equal(AlertSeverity.Low, fault.Severity);
        Assert.Equal(180, fault.Evidence["pm2_5"]);
        Assert.StartsWith("Cảm biến PM2.5 đứng yên ở 180 µg/m³", fault.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WarningTypes.SensorFault, await silo.ActiveWarningsAsync(station));
    }

    [Fact]
    public async Task A_station_whose_PM2_5_jumps_to_three_times_its_usual_level_at_this_hour_raises_a_spike_before_the_AQI_does()
    {
        await using var silo = await WarningCluster.StartAsync();
        var station = await silo.ProvisionAsync<IEnvironmentSensorTwin>("env-spike");
        silo.Clock.Advance(TimeSpan.FromDays(4));
        var start = silo.Clock.GetUtcNow().AddDays(-4);

        // Three days with 25 µg/m³ at every hour (every tenth reading 26, as a live sensor), then 110 µg/m³ from 12:00 local on the fourth day.
        var spikeFrom = start.AddDays(3).AddHours(4);
        for (var at = start; at < spikeFrom.AddMinutes(40); at += Minute)
        {
            var pm25 = at >= spikeFrom ? 110 : at.Minute % 10 == 0 ? 26 : 25;
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", pm25), ("pm10", pm25 * 1.7)));
        }

        var alert = await silo.AlertAsync("env-spike", WarningTypes.Pollution);

        Assert.Contains(WarningTypes.Pollution, await silo.ActiveWarningsAsync(station));
        Assert.StartsWith("PM2.5 tăng đột biến", alert!.Message, StringComparison.Ordinal);
        Assert.InRange(alert.RaisedAt, spikeFrom, spikeFrom.AddMinutes(25));
        Assert.True((await station.GetAirQuality())!.Value < 151);
    }

    [Fact]
    public async Task With_detectors_off_a_stuck_polluted_station_raises_nothing_but_still_has_its_AQI()
    {
        await using var silo = await WarningCluster.StartAsync(o => o.Enabled = false);
        var station = await silo.ProvisionAsync<IEnvironmentSensorTwin>("env-off");
        silo.Clock.Advance(TimeSpan.FromHours(4));
        var start = silo.Clock.GetUtcNow().AddHours(-3);
        for (var at = start; at < start.AddHours(3); at += Minute)
        {
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", 300)));
        }

        Assert.Empty(await silo.ActiveWarningsAsync(station));
        Assert.NotNull(await station.GetAirQuality());
    }

    [Fact]
    public async Task A_PM2_5_sensor_drifting_away_from_its_PM10_partner_raises_sensor_fault_after_its_ratio_was_learnt()
    {
        await using var silo = await WarningCluster.StartAsync();
        var station = await silo.ProvisionAsync<IEnvironmentSensorTwin>("env-drift");
        silo.Clock.Advance(TimeSpan.FromHours(44));
        var start = silo.Clock.GetUtcNow().AddHours(-44);
        var driftFrom = start.AddHours(26);
        var random = new Random(11);
        string[]? learning = null;
        for (var at = start; at < start.AddHours(44); at += Minute)
        {
            var level = 40 * (1 + (0.4 * Math.Sin((at - start).TotalHours * Math.PI / 12)));
            var bias = at < driftFrom ? 0 : 3 * (at - driftFrom).TotalHours;
            var pm25 = Math.Round((level * (1 + (0.08 * (random.NextDouble() - 0.5)))) + bias, 1);
            var pm10 = Math.Round(level * 1.75 * (1 + (0.06 * (random.NextDouble() - 0.5))), 1);
            await station.ReportTelemetry(TelemetryBatch.Of(at, ("pm2_5", pm25), ("pm10", pm10)));
            if (at == driftFrom)
            {
                learning = await silo.ActiveWarningsAsync(station);
            }
        }

        var fault = await silo.AlertAsync("env-drift", WarningTypes.SensorFault);

        Assert.Empty(learning!);
        Assert.Contains(WarningTypes.SensorFault, await silo.ActiveWarningsAsync(station));
        Assert.StartsWith("Cảm biến PM2.5 nghi bị trôi", fault!.Message, StringComparison.Ordinal);
        Assert.InRange(fault.RaisedAt, driftFrom, driftFrom.AddHours(14));
        Assert.True(fault.Evidence["pm2_5_pm10_ratio"] > 0.8);
    }
}
