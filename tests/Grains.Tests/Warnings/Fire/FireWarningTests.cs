using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Warnings.Fire;

public sealed class FireWarningTests
{
    [Fact]
    public async Task A_panel_alarm_raises_one_critical_fire_at_the_alarm_time()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("hospital-panel", "Tủ báo cháy bệnh viện");
        await ReadingsAsync(cluster, panel, 3, 29.5, 0.06);
        var alarmAt = cluster.Now.AddSeconds(-2);

        await panel.ReportPanelState(FirePanelState.Alarm, alarmAt);
        await ReadingsAsync(cluster, panel, 5, 29.5, 0.06);

        var fire = Assert.Single(cluster.AlertsOf("hospital-panel", WarningTypes.Fire));
        Assert.Equal(alarmAt, fire.RaisedAt);
        Assert.Equal(AlertSeverity.Critical, fire.Severity);
        Assert.Equal(1, fire.RepeatCount);
        Assert.Equal("Tủ báo cháy báo động cháy", fire.Message);
        Assert.Equal((int)FirePanelState.Alarm, fire.Evidence["panel_state"]);
        Assert.Equal(29.5, fire.Evidence["temperature"]);
    }

    [Fact]
    public async Task A_panel_pre_alarm_raises_fire_pre_alarm_at_its_time_and_the_panel_back_to_normal_clears_it()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("school-panel", "Tủ báo cháy trường học");
        await ReadingsAsync(cluster, panel, 2, 29.5, 0.06);
        var preAlarmAt = cluster.Now;

        await panel.ReportPanelState(FirePanelState.PreAlarm, preAlarmAt);
        cluster.Clock.Advance(TimeSpan.FromMinutes(3));
        await panel.ReportPanelState(FirePanelState.Normal, cluster.Now);

        var preAlarm = Assert.Single(cluster.AlertsOf("school-panel", WarningTypes.FirePreAlarm));
        Assert.Equal(preAlarmAt, preAlarm.RaisedAt);
        Assert.Equal(cluster.Now, preAlarm.ClearedAt);
        Assert.Empty(cluster.AlertsOf("school-panel", WarningTypes.Fire));
        Assert.Empty((await panel.GetSnapshot()).ActiveWarnings);
    }

    [Fact]
    public async Task A_reading_of_56_9_degrees_raises_nothing_and_57_0_raises_one_high_fire_at_that_reading()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("market-panel", "Tủ báo cháy chợ");
        await ReadingsAsync(cluster, panel, 1, 50, 0.06);
        await ReadingsAsync(cluster, panel, 3, 56.9, 0.06);
        Assert.Empty(cluster.Alerts.Seen);

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var crossedAt = cluster.Now.AddSeconds(-20);
        await panel.ReportTelemetry(TelemetryBatch.Of(crossedAt, ("temperature", 57.0), ("smoke", 0.07)));
        await ReadingsAsync(cluster, panel, 4, 58, 0.07);

        var fire = Assert.Single(cluster.AlertsOf("market-panel", WarningTypes.Fire));
        Assert.Equal(crossedAt, fire.RaisedAt);
        Assert.Equal(AlertSeverity.High, fire.Severity);
        Assert.Equal(1, fire.RepeatCount);
        Assert.Equal("Nhiệt độ 57 °C vượt ngưỡng 57 °C", fire.Message);
        Assert.Equal(57.0, fire.Evidence["temperature"]);
        Assert.Equal(0.07, fire.Evidence["smoke"]);
        Assert.Equal(0, fire.Evidence["panel_state"]);
        Assert.Empty(cluster.AlertsOf("market-panel", WarningTypes.FirePreAlarm));
    }

    [Fact]
    public async Task A_panel_alarm_on_top_of_a_fire_told_from_readings_makes_it_critical_without_a_second_alert()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("office-panel", "Tủ báo cháy UBND");
        await ReadingsAsync(cluster, panel, 1, 30, 0.06);
        await ReadingsAsync(cluster, panel, 1, 61.5, 0.06);
        var onset = cluster.Now;

        await panel.ReportPanelState(FirePanelState.Alarm, cluster.Now);

        var fire = Assert.Single(cluster.AlertsOf("office-panel", WarningTypes.Fire));
        Assert.Equal(onset, fire.RaisedAt);
        Assert.Equal(AlertSeverity.Critical, fire.Severity);
        Assert.Contains("61,5 °C", fire.Message);
    }

    [Fact]
    public async Task A_rise_just_above_8_3_degrees_a_minute_is_a_fire_from_the_first_steep_reading_and_just_below_is_none()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var fast = await cluster.ProvisionAsync<IFireAlarmTwin>("fast-panel", "Tủ báo cháy kho A");
        var slow = await cluster.ProvisionAsync<IFireAlarmTwin>("slow-panel", "Tủ báo cháy kho B");
        var start = cluster.Now;
        for (var minute = 0; minute <= 3; minute++)
        {
            var at = start.AddMinutes(minute);
            cluster.Clock.Advance(at - cluster.Now);
            await fast.ReportTelemetry(TelemetryBatch.Of(at, ("temperature", 30 + (8.4 * minute)), ("smoke", 0.06)));
            await slow.ReportTelemetry(TelemetryBatch.Of(at, ("temperature", 30 + (8.2 * minute)), ("smoke", 0.06)));
        }

        var fire = Assert.Single(cluster.AlertsOf("fast-panel", WarningTypes.Fire));
        Assert.Equal(start.AddMinutes(1), fire.RaisedAt);
        Assert.Equal(8.4, fire.Evidence["rate_of_rise"], 6);
        Assert.StartsWith("Nhiệt độ tăng 8,4 °C/phút, vượt ngưỡng 8,3 °C/phút", fire.Message);
        Assert.Empty(cluster.AlertsOf("slow-panel", WarningTypes.Fire));
    }

    [Fact]
    public async Task A_simulated_fire_raises_fire_and_pre_alarm_at_the_first_steep_reading_with_smoke()
    {
        // As the fire-public-building drill: from 30 °C and clean air, +9.6 °C and +3 %/m of smoke a minute.
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("drill-panel", "Tủ báo cháy bệnh viện tỉnh");
        await ReadingsAsync(cluster, panel, 3, 30, 0.06);
        var onset = cluster.Now.AddMinutes(1);
        for (var minute = 1; minute <= 5; minute++)
        {
            cluster.Clock.Advance(TimeSpan.FromMinutes(1));
            await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 30 + (9.6 * minute)), ("smoke", 0.06 + (3 * minute))));
        }

        var fire = Assert.Single(cluster.AlertsOf("drill-panel", WarningTypes.Fire));
        Assert.Equal(onset, fire.RaisedAt);
        Assert.Equal(AlertSeverity.High, fire.Severity);
        var preAlarm = Assert.Single(cluster.AlertsOf("drill-panel", WarningTypes.FirePreAlarm));
        Assert.Equal(onset, preAlarm.RaisedAt);
        Assert.Contains("Khói 3,1 %/m vượt ngưỡng 1 %/m", preAlarm.Message);
    }

    [Fact]
    public async Task After_the_panel_is_back_to_normal_a_fire_from_readings_stays_until_ten_calm_minutes()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("calm-panel", "Tủ báo cháy nhà văn hóa");
        await ReadingsAsync(cluster, panel, 1, 30, 0.06);
        await panel.ReportPanelState(FirePanelState.Alarm, cluster.Now);
        await ReadingsAsync(cluster, panel, 1, 65, 0.06);
        await panel.ReportPanelState(FirePanelState.Normal, cluster.Now);
        Assert.Contains(WarningTypes.Fire, (await panel.GetSnapshot()).ActiveWarnings);

        await ReadingsAsync(cluster, panel, 10, 35, 0.06);
        Assert.Contains(WarningTypes.Fire, (await panel.GetSnapshot()).ActiveWarnings);
        await ReadingsAsync(cluster, panel, 1, 35, 0.06);

        var fire = Assert.Single(cluster.AlertsOf("calm-panel", WarningTypes.Fire));
        Assert.Equal(cluster.Now, fire.ClearedAt);
        Assert.DoesNotContain(WarningTypes.Fire, (await panel.GetSnapshot()).ActiveWarnings);
    }

    [Fact]
    public async Task With_detectors_off_neither_the_panel_nor_the_readings_raise_anything()
    {
        await using var cluster = await WarningCluster.StartAsync(o => o.Enabled = false);
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("off-panel", "Tủ báo cháy thư viện");
        await ReadingsAsync(cluster, panel, 2, 70, 12);
        await panel.ReportPanelState(FirePanelState.Alarm, cluster.Now);

        Assert.Empty(cluster.Alerts.Seen);
        Assert.Empty((await panel.GetSnapshot()).ActiveWarnings);
    }

    /// <summary>One reading a minute, the clock moving with them.</summary>
    private static async Task ReadingsAsync(WarningCluster cluster, IFireAlarmTwin panel, int minutes, double temperature, double smoke)
    {
        for (var i = 0; i < minutes; i++)
        {
            cluster.Clock.Advance(TimeSpan.FromMinutes(1));
            await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", temperature), ("smoke", smoke)));
        }
    }
}
