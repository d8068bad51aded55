using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Tests.Twins;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>When a warning's condition ends: routine alerts resolve themselves, safety alerts wait for an operator.</summary>
public sealed class AlertAutoClearTests
{
    private readonly RecordingAlertObserver observer = new();

    [Theory]
    [InlineData(WarningTypes.Offline)]
    [InlineData(WarningTypes.Congestion)]
    [InlineData(WarningTypes.QueueOverload)]
    [InlineData(WarningTypes.OfficerAbsent)]
    [InlineData(WarningTypes.Pollution)]
    [InlineData(WarningTypes.SensorFault)]
    [InlineData(WarningTypes.Fault)]
    public async Task A_routine_alert_is_resolved_by_system_when_its_condition_clears_and_kept(string type)
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "routine-" + type, type);
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(3));
        var clearedAt = cluster.TimeProvider.GetUtcNow();

        var resolved = await alert.Clear(clearedAt);
        var kept = await alert.GetSnapshot();

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(("system", clearedAt, clearedAt), (resolved.ResolvedBy!, resolved.ResolvedAt!.Value, resolved.ClearedAt!.Value));
        Assert.Equal(["raised", "cleared", "resolved"], resolved.Transitions.Select(t => t.Action));
        Assert.Equal("Điều kiện đã hết (condition cleared)", resolved.Transitions[^1].Note);
        Assert.Null(resolved.EscalatesAt);
        Assert.Equal(resolved.Version, kept.Version);
    }

    [Theory]
    [InlineData(WarningTypes.Fire)]
    [InlineData(WarningTypes.FirePreAlarm)]
    [InlineData(WarningTypes.Smoke)]
    [InlineData(WarningTypes.Intrusion)]
    [InlineData(WarningTypes.Tamper)]
    public async Task A_safety_alert_only_records_that_its_condition_cleared_and_waits_for_an_operator(string type)
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "safety-" + type, type);
        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(30));

        var cleared = await alert.Clear(cluster.TimeProvider.GetUtcNow());

        Assert.Equal(AlertStatus.Active, cleared.Status);
        Assert.NotNull(cleared.ClearedAt);
        Assert.Null(cleared.ResolvedBy);
        Assert.Equal(["raised", "cleared"], cleared.Transitions.Select(t => t.Action));
    }

    [Fact]
    public async Task A_camera_back_online_resolves_its_offline_alert_and_going_offline_again_opens_a_new_one()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var camera = cluster.GrainFactory.GetGrain<ICameraTwin>("cam-flaky");
        await camera.Provision(new DeviceProvisioning("Camera ngã tư", Places.ThaiBinhCity));
        await camera.RaiseWarning(WarningTypes.Offline);
        var first = observer.Seen.Last(a => a.TwinId == "cam-flaky").Id;
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(4));

        await camera.ClearWarning(WarningTypes.Offline);
        var resolved = await cluster.GrainFactory.GetGrain<IAlert>(first).GetSnapshot();
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        await camera.RaiseWarning(WarningTypes.Offline);
        var second = observer.Seen.Last(a => a.TwinId == "cam-flaky");

        Assert.Equal((AlertStatus.Resolved, "system"), (resolved.Status, resolved.ResolvedBy));
        Assert.NotEqual(first, second.Id);
        Assert.Equal(AlertStatus.Active, second.Status);
    }

    [Fact]
    public async Task An_acknowledged_routine_alert_also_resolves_itself()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "jam-seen", WarningTypes.Congestion, kind: DeviceKind.Intersection);
        await alert.Acknowledge("lan.nguyen", "Đã báo CSGT");

        var resolved = await alert.Clear(cluster.TimeProvider.GetUtcNow());

        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(["raised", "acknowledged", "cleared", "resolved"], resolved.Transitions.Select(t => t.Action));
    }

    [Fact]
    public async Task The_auto_resolving_types_come_from_the_configuration()
    {
        await using var cluster = await AlertCluster.StartAsync(observer, o => o.AutoResolveTypes = "offline, smoke");
        var pollution = await RaisedAlerts.RaiseAsync(cluster, "env-kept", WarningTypes.Pollution, kind: DeviceKind.EnvironmentSensor);
        var smoke = await RaisedAlerts.RaiseAsync(cluster, "cam-smoke", WarningTypes.Smoke, kind: DeviceKind.Camera);

        var now = cluster.TimeProvider.GetUtcNow();
        Assert.Equal(AlertStatus.Active, (await pollution.Clear(now)).Status);
        Assert.Equal(AlertStatus.Resolved, (await smoke.Clear(now)).Status);
    }
}
