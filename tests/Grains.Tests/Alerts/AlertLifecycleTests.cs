using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Tests.Twins;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>How an alert lives: raised by a device twin's warning, handled by operators, kept for audit.</summary>
public sealed class AlertLifecycleTests
{
    private readonly RecordingAlertObserver observer = new();

    [Fact]
    public async Task A_warning_raised_twice_is_one_alert_with_repeat_count_2()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-twice");
        var first = cluster.TimeProvider.GetUtcNow();

        await panel.RaiseWarning(WarningTypes.Fire);
        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(30));
        await panel.RaiseWarning(WarningTypes.Fire);

        var alert = await OpenAlertAsync(cluster, "fire-twice", WarningTypes.Fire);
        Assert.Equal(AlertIds.Create("fire-twice", WarningTypes.Fire, first), alert.Id);
        Assert.Equal(2, alert.RepeatCount);
        Assert.Equal(first, alert.RaisedAt);
        Assert.Equal(first.AddSeconds(30), alert.LastRaisedAt);
        Assert.Equal(AlertStatus.Active, alert.Status);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("thai-binh", alert.DistrictId);
        Assert.Equal(Places.ThaiBinhCity, alert.Location);
        Assert.Single(alert.Transitions);
        Assert.Equal(new[] { 1, 2 }, observer.Seen.Where(a => a.Id == alert.Id).Select(a => a.RepeatCount));
    }

    [Fact]
    public async Task The_alert_carries_the_twins_latest_readings_as_evidence_and_the_detectors_message()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var sensor = cluster.GrainFactory.GetGrain<IEnvironmentSensorTwin>("env-evidence");
        await sensor.Provision(new DeviceProvisioning("Trạm Diêm Điền", Places.DiemDien));
        await sensor.ReportTelemetry(TelemetryBatch.Of(cluster.TimeProvider.GetUtcNow(), ("pm25", 180.5), ("humidity", 81)));

        await sensor.RaiseWarning(WarningTypes.Pollution);
        var plain = await OpenAlertAsync(cluster, "env-evidence", WarningTypes.Pollution);
        await sensor.RaiseWarning(WarningTypes.SensorFault, new WarningDetails("Cảm biến PM2.5 báo giá trị bất thường", new Dictionary<string, double> { ["pm25"] = 999 }));
        var detailed = await OpenAlertAsync(cluster, "env-evidence", WarningTypes.SensorFault);

        Assert.Equal(180.5, plain.Evidence["pm25"]);
        Assert.Equal(81, plain.Evidence["humidity"]);
        Assert.Equal(AlertSeverity.Medium, plain.Severity);
        Assert.Equal("Cảm biến PM2.5 báo giá trị bất thường", detailed.Message);
        Assert.Equal(999, Assert.Single(detailed.Evidence).Value);
        Assert.Equal(AlertSeverity.Low, detailed.Severity);
    }

    [Fact]
    public async Task A_cleared_warning_keeps_its_alert_open_for_audit_and_a_new_raise_repeats_it()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-clear");
        await panel.RaiseWarning(WarningTypes.FirePreAlarm);
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(2));
        var clearedAt = cluster.TimeProvider.GetUtcNow();

        await panel.ClearWarning(WarningTypes.FirePreAlarm);
        var cleared = await OpenAlertAsync(cluster, "fire-clear", WarningTypes.FirePreAlarm);
        var twinCleared = await panel.GetSnapshot();
        await panel.RaiseWarning(WarningTypes.FirePreAlarm);
        var back = await OpenAlertAsync(cluster, "fire-clear", WarningTypes.FirePreAlarm);

        Assert.Equal(AlertStatus.Active, cleared.Status);
        Assert.Equal(clearedAt, cleared.ClearedAt);
        Assert.Equal(["raised", "cleared"], cleared.Transitions.Select(t => t.Action));
        Assert.Empty(twinCleared.ActiveWarnings);
        Assert.Equal(cleared.Id, back.Id);
        Assert.Null(back.ClearedAt);
        Assert.Equal(2, back.RepeatCount);
        Assert.Equal(["raised", "cleared", "repeated"], back.Transitions.Select(t => t.Action));
    }

    [Fact]
    public async Task Acknowledge_then_resolve_records_who_and_when()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-handled");
        await panel.RaiseWarning(WarningTypes.Fire);
        var id = (await OpenAlertAsync(cluster, "fire-handled", WarningTypes.Fire)).Id;
        var alert = cluster.GrainFactory.GetGrain<IAlert>(id);

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        var acknowledgedAt = cluster.TimeProvider.GetUtcNow();
        await alert.Acknowledge("lan.nguyen", "Đã cử đội PCCC");
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(20));
        var resolvedAt = cluster.TimeProvider.GetUtcNow();
        var resolved = await alert.Resolve("minh.tran", null);

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(("lan.nguyen", acknowledgedAt), (resolved.AcknowledgedBy, resolved.AcknowledgedAt));
        Assert.Equal(("minh.tran", resolvedAt), (resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Equal(
            [("raised", "system", null), ("acknowledged", "lan.nguyen", "Đã cử đội PCCC"), ("resolved", "minh.tran", null)],
            resolved.Transitions.Select(t => (t.Action, t.By, t.Note)));
        Assert.Equal(resolved, observer.Seen.Last(a => a.Id == id));
    }

    [Fact]
    public async Task An_active_alert_can_be_resolved_without_acknowledging_it()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-direct");
        await panel.RaiseWarning(WarningTypes.Fault);
        var alert = cluster.GrainFactory.GetGrain<IAlert>((await OpenAlertAsync(cluster, "fire-direct", WarningTypes.Fault)).Id);

        var resolved = await alert.Resolve("key:maintenance", "Thay pin");

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Null(resolved.AcknowledgedAt);
        Assert.Equal("key:maintenance", resolved.ResolvedBy);
    }

    [Fact]
    public async Task A_raise_after_the_alert_was_resolved_opens_a_new_alert()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-again");
        await panel.RaiseWarning(WarningTypes.Fire);
        var first = await OpenAlertAsync(cluster, "fire-again", WarningTypes.Fire);
        await cluster.GrainFactory.GetGrain<IAlert>(first.Id).Resolve("lan.nguyen", null);

        await panel.RaiseWarning(WarningTypes.Fire);
        var second = await OpenAlertAsync(cluster, "fire-again", WarningTypes.Fire);

        Assert.NotEqual(first.Id, second.Id);
        Assert.StartsWith(first.Id, second.Id, StringComparison.Ordinal); // same second: the suffix makes it unique
        Assert.Equal(AlertStatus.Active, second.Status);
        Assert.Equal(1, second.RepeatCount);
        Assert.Equal(AlertStatus.Resolved, (await cluster.GrainFactory.GetGrain<IAlert>(first.Id).GetSnapshot()).Status);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_and_change_nothing()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-illegal");
        await panel.RaiseWarning(WarningTypes.Fire);
        var alert = cluster.GrainFactory.GetGrain<IAlert>((await OpenAlertAsync(cluster, "fire-illegal", WarningTypes.Fire)).Id);
        await alert.Acknowledge("lan.nguyen", null);

        await Assert.ThrowsAsync<AlertTransitionException>(() => alert.Acknowledge("minh.tran", null));
        await alert.Resolve("lan.nguyen", null);
        await Assert.ThrowsAsync<AlertTransitionException>(() => alert.Acknowledge("minh.tran", null));
        await Assert.ThrowsAsync<AlertTransitionException>(() => alert.Resolve("minh.tran", null));
        await Assert.ThrowsAsync<AlertCommentException>(() => alert.Comment("minh.tran", "   "));
        await Assert.ThrowsAsync<AlertCommentException>(() => alert.Comment("minh.tran", new string('x', 2001)));
        await Assert.ThrowsAsync<AlertNotFoundException>(() => cluster.GrainFactory.GetGrain<IAlert>("never-raised").Acknowledge("lan.nguyen", null));

        var after = await alert.GetSnapshot();
        Assert.Equal(["raised", "acknowledged", "resolved"], after.Transitions.Select(t => t.Action));
        Assert.Equal("lan.nguyen", after.ResolvedBy);
    }

    [Fact]
    public async Task Comments_are_kept_in_order_even_on_a_resolved_alert()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-comments");
        await panel.RaiseWarning(WarningTypes.Fire);
        var alert = cluster.GrainFactory.GetGrain<IAlert>((await OpenAlertAsync(cluster, "fire-comments", WarningTypes.Fire)).Id);

        await alert.Comment("lan.nguyen", "Khói ở tầng 2");
        await alert.Resolve("lan.nguyen", null);
        var after = await alert.Comment("minh.tran", new string('x', 2000));

        Assert.Equal(
            [("raised", "system"), ("commented", "lan.nguyen"), ("resolved", "lan.nguyen"), ("commented", "minh.tran")],
            after.Transitions.Select(t => (t.Action, t.By)));
        Assert.Equal("Khói ở tầng 2", after.Transitions[1].Note);
    }

    [Fact]
    public async Task Alerts_and_the_twins_open_alert_survive_a_restart()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var panel = await ProvisionedFirePanelAsync(cluster, "fire-restart");
        await panel.RaiseWarning(WarningTypes.Fire, new WarningDetails("Báo cháy khu A", new Dictionary<string, double> { ["temperature"] = 61.5 }));
        var before = await OpenAlertAsync(cluster, "fire-restart", WarningTypes.Fire);
        before = await cluster.GrainFactory.GetGrain<IAlert>(before.Id).Acknowledge("lan.nguyen", "Đang xác minh");

        await cluster.RestartAsync();
        await cluster.GrainFactory.GetGrain<IFireAlarmTwin>("fire-restart").RaiseWarning(WarningTypes.Fire);
        var after = await cluster.GrainFactory.GetGrain<IAlert>(before.Id).GetSnapshot();

        Assert.Equal(before with { Version = after.Version, RepeatCount = 2 }, after, AlertSnapshotComparer.Instance);
        Assert.Equal(2, after.RepeatCount);
    }

    [Fact]
    public async Task Resolved_alerts_leave_memory_and_are_still_readable_afterwards()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alerts = new List<IAlert>();
        for (var i = 0; i < 20; i++)
        {
            alerts.Add(await RaisedAlerts.RaiseAsync(cluster, "done-" + i, i % 2 == 0 ? WarningTypes.Fire : WarningTypes.Offline));
        }

        var withOpenAlerts = cluster.ActivationCount;
        for (var i = 0; i < alerts.Count; i++)
        {
            if (i % 2 == 0)
            {
                await alerts[i].Resolve("lan.nguyen", null);
            }
            else
            {
                await alerts[i].Clear(cluster.TimeProvider.GetUtcNow());
            }
        }

        var afterwards = await Eventually.Until(() => Task.FromResult(cluster.ActivationCount), n => n <= withOpenAlerts - 20);

        Assert.True(afterwards <= withOpenAlerts - 20, $"{afterwards} activations remain of {withOpenAlerts}");
        Assert.Equal(("lan.nguyen", "system"), ((await alerts[0].GetSnapshot()).ResolvedBy, (await alerts[1].GetSnapshot()).ResolvedBy));
    }

    private static async Task<IFireAlarmTwin> ProvisionedFirePanelAsync(InProcessTestCluster cluster, string id)
    {
        var panel = cluster.GrainFactory.GetGrain<IFireAlarmTwin>(id);
        await panel.Provision(new DeviceProvisioning("Tủ báo cháy " + id, Places.ThaiBinhCity));
        return panel;
    }

    /// <summary>The alert the twin's last raise of <paramref name="type"/> went to, read from the alert grain itself.</summary>
    private async Task<AlertSnapshot> OpenAlertAsync(InProcessTestCluster cluster, string twinId, string type)
    {
        var id = observer.Seen.Last(a => a.TwinId == twinId && a.Type == type).Id;
        return await cluster.GrainFactory.GetGrain<IAlert>(id).GetSnapshot();
    }
}
