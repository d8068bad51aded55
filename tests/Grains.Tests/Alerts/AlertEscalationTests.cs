using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Tests.Twins;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>
/// An alert nobody acknowledges climbs in severity on the clock, until someone takes it or it reaches its ceiling:
/// Critical, or High for the routine types that resolve themselves.
/// </summary>
public sealed class AlertEscalationTests
{
    private readonly RecordingAlertObserver observer = new();

    [Fact]
    public async Task An_unacknowledged_critical_alert_is_not_escalated_at_1_59_and_is_escalated_at_2_00()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var raisedAt = cluster.TimeProvider.GetUtcNow();
        var alert = await RaisedAlerts.RaiseAsync(cluster, "fire-escalates", WarningTypes.Fire);

        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(119));
        var at159 = await alert.GetSnapshot();
        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(1));
        var at200 = await RaisedAlerts.EventuallyAsync(alert, a => a.EscalationLevel > 0);

        Assert.Equal((0, AlertSeverity.Critical, raisedAt.AddMinutes(2)), (at159.EscalationLevel, at159.Severity, at159.EscalatesAt));
        Assert.Null(at159.EscalatedAt);
        Assert.Equal(1, at200.EscalationLevel);
        Assert.Equal(AlertSeverity.Critical, at200.Severity);
        Assert.Equal(AlertStatus.Active, at200.Status);
        Assert.Equal(raisedAt.AddMinutes(2), at200.EscalatedAt);
        Assert.Null(at200.EscalatesAt); // Critical already: nobody higher to wake
        var escalated = at200.Transitions[^1];
        Assert.Equal(("escalated", "system", raisedAt.AddMinutes(2)), (escalated.Action, escalated.By, escalated.At));
        Assert.Equal((AlertSeverity.Critical, AlertSeverity.Critical), (escalated.FromSeverity, escalated.ToSeverity));
        Assert.Contains("2 phút", escalated.Note, StringComparison.Ordinal);
        Assert.Contains(observer.Seen, a => a.Id == "fire-escalates" && a.EscalationLevel == 1);
    }

    [Fact]
    public async Task An_alert_acknowledged_in_time_is_never_escalated()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "fire-taken", WarningTypes.Fire);

        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(110));
        await alert.Acknowledge("lan.nguyen", "Đang xử lý");
        cluster.TimeProvider.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200);
        var after = await alert.GetSnapshot();

        Assert.Equal(0, after.EscalationLevel);
        Assert.Null(after.EscalatedAt);
        Assert.Null(after.EscalatesAt);
        Assert.Equal(AlertSeverity.Critical, after.Severity);
        Assert.Equal(["raised", "acknowledged"], after.Transitions.Select(t => t.Action));
    }

    [Fact]
    public async Task A_medium_alert_escalates_to_high_after_15_minutes_then_to_critical_after_5_more_and_then_stops()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var raisedAt = cluster.TimeProvider.GetUtcNow();
        var alert = await RaisedAlerts.RaiseAsync(cluster, "pre-alarm-escalates", WarningTypes.FirePreAlarm);

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(15));
        var first = await RaisedAlerts.EventuallyAsync(alert, a => a.EscalationLevel == 1 && a.EscalatesAt is not null);
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(5));
        var second = await RaisedAlerts.EventuallyAsync(alert, a => a.EscalationLevel == 2);
        cluster.TimeProvider.Advance(TimeSpan.FromHours(3));
        await Task.Delay(200);
        var later = await alert.GetSnapshot();

        Assert.Equal((AlertSeverity.High, raisedAt.AddMinutes(15), raisedAt.AddMinutes(20)), (first.Severity, first.EscalatedAt, first.EscalatesAt));
        Assert.Equal((AlertSeverity.Critical, raisedAt.AddMinutes(20)), (second.Severity, second.EscalatedAt));
        Assert.Null(second.EscalatesAt);
        Assert.Equal(2, later.EscalationLevel);
        Assert.Equal(
            [("escalated", "system", raisedAt.AddMinutes(15), AlertSeverity.Medium, AlertSeverity.High), ("escalated", "system", raisedAt.AddMinutes(20), AlertSeverity.High, AlertSeverity.Critical)],
            later.Transitions.Where(t => t.Action == "escalated").Select(t => (t.Action, t.By, t.At, t.FromSeverity!.Value, t.ToSeverity!.Value)));
    }

    [Fact]
    public async Task A_routine_alert_nobody_takes_rises_to_high_and_never_beside_a_fire_at_critical()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var raisedAt = cluster.TimeProvider.GetUtcNow();
        var alert = await RaisedAlerts.RaiseAsync(cluster, "offline-escalates", WarningTypes.Offline);

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(15));
        var escalated = await RaisedAlerts.EventuallyAsync(alert, a => a.EscalationLevel == 1);
        cluster.TimeProvider.Advance(TimeSpan.FromHours(3));
        await Task.Delay(200);
        var after = await alert.GetSnapshot();

        Assert.Equal((AlertSeverity.High, raisedAt.AddMinutes(15)), (escalated.Severity, escalated.EscalatedAt));
        Assert.Null(escalated.EscalatesAt);
        Assert.Equal((1, AlertSeverity.High), (after.EscalationLevel, after.Severity));
    }

    [Fact]
    public async Task A_low_alert_is_never_escalated()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "fault-waits", WarningTypes.SensorFault, kind: DeviceKind.EnvironmentSensor);

        cluster.TimeProvider.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        var after = await alert.GetSnapshot();

        Assert.Equal((AlertSeverity.Low, 0), (after.Severity, after.EscalationLevel));
        Assert.Null(after.EscalatesAt);
    }

    [Fact]
    public async Task Acknowledging_an_escalated_alert_stops_further_escalation()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "pre-alarm-taken-late", WarningTypes.FirePreAlarm);
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(15));
        await RaisedAlerts.EventuallyAsync(alert, a => a.EscalationLevel == 1 && a.EscalatesAt is not null);

        var acknowledged = await alert.Acknowledge("minh.tran", null);
        cluster.TimeProvider.Advance(TimeSpan.FromHours(1));
        await Task.Delay(200);
        var after = await alert.GetSnapshot();

        Assert.Null(acknowledged.EscalatesAt);
        Assert.Equal((1, AlertSeverity.High), (after.EscalationLevel, after.Severity));
    }

    [Fact]
    public async Task A_pending_escalation_survives_a_silo_restart()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var raisedAt = cluster.TimeProvider.GetUtcNow();
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-restart");
        await camera.Provision(new DeviceProvisioning("Camera trường học", Places.ThaiBinhCity));
        await camera.RaiseWarning(WarningTypes.Intrusion);
        var id = observer.Seen.Last(a => a.TwinId == "cam-restart").Id;
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(3));

        await cluster.RestartAsync();
        var afterRestart = await cluster.GrainFactory.GetGrain<IAlert>(id).GetSnapshot();
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(2));
        var escalated = await RaisedAlerts.EventuallyAsync(cluster.GrainFactory.GetGrain<IAlert>(id), a => a.EscalationLevel > 0);

        Assert.Equal((0, raisedAt.AddMinutes(5)), (afterRestart.EscalationLevel, afterRestart.EscalatesAt));
        Assert.Equal((1, AlertSeverity.Critical, raisedAt.AddMinutes(5)), (escalated.EscalationLevel, escalated.Severity, escalated.EscalatedAt));
    }

    [Fact]
    public async Task Escalation_times_come_from_the_configuration()
    {
        await using var cluster = await AlertCluster.StartAsync(observer, o =>
        {
            o.EscalateAfter.High = TimeSpan.FromMinutes(1);
            o.EscalateAfter.Critical = TimeSpan.Zero;
        });
        var raisedAt = cluster.TimeProvider.GetUtcNow();
        var intrusion = await RaisedAlerts.RaiseAsync(cluster, "cam-quick", WarningTypes.Intrusion, kind: DeviceKind.Camera);
        var fire = await RaisedAlerts.RaiseAsync(cluster, "fire-never", WarningTypes.Fire);

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        var escalated = await RaisedAlerts.EventuallyAsync(intrusion, a => a.EscalationLevel > 0);
        cluster.TimeProvider.Advance(TimeSpan.FromHours(1));
        await Task.Delay(200);

        Assert.Equal((AlertSeverity.Critical, raisedAt.AddMinutes(1)), (escalated.Severity, escalated.EscalatedAt));
        Assert.Null(escalated.EscalatesAt);
        Assert.Equal(0, (await fire.GetSnapshot()).EscalationLevel);
        Assert.Equal(1, (await intrusion.GetSnapshot()).EscalationLevel);
    }
}
