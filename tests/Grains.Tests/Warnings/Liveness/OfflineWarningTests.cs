using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Tests.Twins;

namespace SmartCity.Twin.Grains.Tests.Warnings.Liveness;

public sealed class OfflineWarningTests
{
    [Fact]
    public async Task A_device_silent_for_15_minutes_is_offline_at_exactly_its_last_message_plus_15_minutes()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("silent-panel", "Tủ báo cháy chợ");
        var lastSeen = cluster.Now;
        await panel.ReportTelemetry(TelemetryBatch.Of(lastSeen, ("temperature", 29.5)));

        cluster.Clock.Advance(TimeSpan.FromMinutes(14));
        await Task.Delay(200);
        Assert.Empty(cluster.AlertsOf("silent-panel", WarningTypes.Offline));
        Assert.Equal(DeviceLiveness.Online, (await panel.GetSnapshot()).Liveness);

        cluster.Clock.Advance(TimeSpan.FromMinutes(3));
        var alerts = await cluster.EventuallyAsync("silent-panel", WarningTypes.Offline, a => a.Count == 1);

        var alert = Assert.Single(alerts);
        Assert.Equal(lastSeen.AddMinutes(15), alert.RaisedAt);
        Assert.Equal(15, alert.Evidence["silent_minutes"]);
        Assert.Contains("không gửi dữ liệu 15 phút", alert.Message);
        var snapshot = await panel.GetSnapshot();
        Assert.Equal(DeviceLiveness.Offline, snapshot.Liveness);
        Assert.Equal(lastSeen.AddMinutes(15), snapshot.LivenessChangedAt);
        Assert.Contains(WarningTypes.Offline, snapshot.ActiveWarnings);
    }

    [Fact]
    public async Task Each_message_moves_the_silence_deadline()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("chatty-panel", "Tủ báo cháy trường học");
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var lastSeen = cluster.Now;
        await panel.ReportPanelState(FirePanelState.Normal, lastSeen);

        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);
        Assert.Empty(cluster.AlertsOf("chatty-panel", WarningTypes.Offline));

        cluster.Clock.Advance(TimeSpan.FromMinutes(6));
        var alert = Assert.Single(await cluster.EventuallyAsync("chatty-panel", WarningTypes.Offline, a => a.Count == 1));
        Assert.Equal(lastSeen.AddMinutes(15), alert.RaisedAt);
    }

    [Fact]
    public async Task An_offline_status_raises_offline_at_the_status_time_and_online_clears_it()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("will-panel", "Tủ báo cháy bệnh viện");
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));
        cluster.Clock.Advance(TimeSpan.FromSeconds(40));
        var lostAt = cluster.Now.AddSeconds(-3);

        await panel.ReportStatus(DeviceStatus.Offline, lostAt);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        var alert = Assert.Single(await cluster.EventuallyAsync("will-panel", WarningTypes.Offline, a => a.Count == 1));
        Assert.Equal(lostAt, alert.RaisedAt);
        Assert.Equal(AlertSeverity.Medium, alert.Severity);
        Assert.Contains("mất kết nối", alert.Message);

        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await panel.ReportStatus(DeviceStatus.Online, cluster.Now);

        alert = Assert.Single(cluster.AlertsOf("will-panel", WarningTypes.Offline));
        Assert.Equal(cluster.Now, alert.ClearedAt);
        var snapshot = await panel.GetSnapshot();
        Assert.Equal(DeviceLiveness.Online, snapshot.Liveness);
        Assert.DoesNotContain(WarningTypes.Offline, snapshot.ActiveWarnings);
    }

    [Fact]
    public async Task A_device_back_within_a_minute_of_losing_its_connection_opens_no_alert()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("blip-panel", "Tủ báo cháy trạm y tế");
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));

        await panel.ReportStatus(DeviceStatus.Offline, cluster.Now);
        cluster.Clock.Advance(TimeSpan.FromSeconds(59));
        await panel.ReportStatus(DeviceStatus.Online, cluster.Now);
        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300);

        Assert.Empty(cluster.AlertsOf("blip-panel", WarningTypes.Offline));
        Assert.Equal(DeviceLiveness.Online, (await panel.GetSnapshot()).Liveness);
    }

    [Fact]
    public async Task A_message_after_an_outage_clears_offline_and_the_next_outage_raises_again()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("flaky-panel", "Tủ báo cháy UBND");
        await panel.ReportStatus(DeviceStatus.Offline, cluster.Now);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));
        Assert.DoesNotContain(WarningTypes.Offline, (await panel.GetSnapshot()).ActiveWarnings);

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var secondOutage = cluster.Now;
        await panel.ReportStatus(DeviceStatus.Offline, secondOutage);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        var raised = await cluster.EventuallyAsync("flaky-panel", WarningTypes.Offline, a => a.Any(x => x.ClearedAt is null));
        var active = Assert.Single(raised, a => a.ClearedAt is null);
        Assert.Equal(secondOutage, active.LastRaisedAt);
        Assert.Contains(WarningTypes.Offline, (await panel.GetSnapshot()).ActiveWarnings);
    }

    [Fact]
    public async Task A_device_provisioned_with_an_hourly_report_interval_may_stay_silent_for_three_hours()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>(
            "hourly-panel", "Tủ báo cháy kho", new Dictionary<string, string> { ["reportIntervalSeconds"] = "3600" });
        var lastSeen = cluster.Now;
        await panel.ReportTelemetry(TelemetryBatch.Of(lastSeen, ("temperature", 29.5)));

        cluster.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200);
        Assert.Empty(cluster.AlertsOf("hourly-panel", WarningTypes.Offline));

        cluster.Clock.Advance(TimeSpan.FromHours(1.5));
        var alert = Assert.Single(await cluster.EventuallyAsync("hourly-panel", WarningTypes.Offline, a => a.Count == 1));
        Assert.Equal(lastSeen.AddHours(3), alert.RaisedAt);
    }

    [Fact]
    public async Task A_device_that_went_silent_while_the_silo_was_down_is_offline_from_its_deadline_once_its_twin_wakes()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("down-panel", "Tủ báo cháy nhà văn hóa");
        var lastSeen = cluster.Now;
        await panel.ReportTelemetry(TelemetryBatch.Of(lastSeen, ("temperature", 29.5)));
        await cluster.Cluster.RestartAsync();
        cluster.Clock.Advance(TimeSpan.FromMinutes(40));

        var snapshot = await cluster.Grains.GetGrain<IFireAlarmTwin>("down-panel").GetSnapshot();
        Assert.Equal(DeviceLiveness.Offline, snapshot.Liveness);
        Assert.Equal(lastSeen.AddMinutes(15), snapshot.LivenessChangedAt);

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var alert = Assert.Single(await cluster.EventuallyAsync("down-panel", WarningTypes.Offline, a => a.Count == 1));
        Assert.Equal(lastSeen.AddMinutes(15), alert.RaisedAt);
    }

    [Fact]
    public async Task A_device_that_reports_as_its_twin_wakes_after_a_silo_outage_raises_no_offline()
    {
        await using var cluster = await WarningCluster.StartAsync();
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("back-panel", "Tủ báo cháy siêu thị");
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));
        await cluster.Cluster.RestartAsync();
        cluster.Clock.Advance(TimeSpan.FromMinutes(40));

        await cluster.Grains.GetGrain<IFireAlarmTwin>("back-panel").ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.6)));
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(300);

        Assert.Empty(cluster.AlertsOf("back-panel", WarningTypes.Offline));
        Assert.Equal(DeviceLiveness.Online, (await cluster.Grains.GetGrain<IFireAlarmTwin>("back-panel").GetSnapshot()).Liveness);
    }

    [Fact]
    public async Task With_detectors_off_an_offline_status_raises_nothing()
    {
        await using var cluster = await WarningCluster.StartAsync(o => o.Enabled = false);
        var panel = await cluster.ProvisionAsync<IFireAlarmTwin>("quiet-panel", "Tủ báo cháy thư viện");
        await panel.ReportTelemetry(TelemetryBatch.Of(cluster.Now, ("temperature", 29.5)));

        await panel.ReportStatus(DeviceStatus.Offline, cluster.Now);
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(200);

        Assert.Empty(cluster.Alerts.Seen);
        Assert.Equal(DeviceLiveness.Offline, (await panel.GetSnapshot()).Liveness);
    }
}
