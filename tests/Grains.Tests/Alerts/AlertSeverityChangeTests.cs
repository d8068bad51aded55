using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Tests.Alerts;

/// <summary>An open alert's severity goes up when a detector reports it worse or other sensors nearby confirm it, never down by itself.</summary>
public sealed class AlertSeverityChangeTests
{
    private readonly RecordingAlertObserver observer = new();

    [Fact]
    public async Task A_repeat_with_a_higher_severity_raises_the_alert_and_records_the_old_and_new_severity()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "pre-alarm-worse", WarningTypes.FirePreAlarm);
        cluster.TimeProvider.Advance(TimeSpan.FromSeconds(20));
        var worseAt = cluster.TimeProvider.GetUtcNow();

        var raised = await alert.Raise(RaisedAlerts.Raise(cluster, "pre-alarm-worse", WarningTypes.FirePreAlarm, AlertSeverity.High));

        Assert.Equal(AlertSeverity.High, raised.Severity);
        Assert.Equal(2, raised.RepeatCount);
        var change = raised.Transitions[^1];
        Assert.Equal(("severity-raised", "system", worseAt), (change.Action, change.By, change.At));
        Assert.Equal((AlertSeverity.Medium, AlertSeverity.High), (change.FromSeverity!.Value, change.ToSeverity!.Value));

        // Medium would have escalated at 15 minutes; High's 5 minutes now count from the change.
        Assert.Equal(worseAt.AddMinutes(5), raised.EscalatesAt);
    }

    [Fact]
    public async Task A_repeat_with_a_lower_or_equal_severity_never_lowers_it_nor_grows_the_trail()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "fire-calmer", WarningTypes.Fire, AlertSeverity.High);

        await alert.Raise(RaisedAlerts.Raise(cluster, "fire-calmer", WarningTypes.Fire, AlertSeverity.Low));
        var after = await alert.Raise(RaisedAlerts.Raise(cluster, "fire-calmer", WarningTypes.Fire, AlertSeverity.High));

        Assert.Equal(AlertSeverity.High, after.Severity);
        Assert.Equal(3, after.RepeatCount);
        Assert.Equal(["raised"], after.Transitions.Select(t => t.Action));
    }

    [Fact]
    public async Task The_first_corroboration_raises_a_fire_alert_one_level_and_names_the_confirming_alerts()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "fire-confirmed", WarningTypes.Fire, AlertSeverity.High);
        var at = cluster.TimeProvider.GetUtcNow();

        var confirmed = await alert.Corroborate(["cam-1.smoke.20260105T010000Z"]);
        var again = await alert.Corroborate(["cam-1.smoke.20260105T010000Z"]);
        var more = await alert.Corroborate(["env-1.pollution.20260105T010100Z", "cam-1.smoke.20260105T010000Z"]);

        Assert.Equal(AlertSeverity.Critical, confirmed.Severity);
        var step = confirmed.Transitions[^1];
        Assert.Equal(("corroborated", "system", at), (step.Action, step.By, step.At));
        Assert.Equal((AlertSeverity.High, AlertSeverity.Critical), (step.FromSeverity!.Value, step.ToSeverity!.Value));
        Assert.Contains("cam-1.smoke.20260105T010000Z", step.Note, StringComparison.Ordinal);
        Assert.Equal(confirmed.Version, again.Version); // the same confirmation twice is no change
        Assert.Equal(AlertSeverity.Critical, more.Severity);
        Assert.Equal(["cam-1.smoke.20260105T010000Z", "env-1.pollution.20260105T010100Z"], more.CorroboratedBy);
        Assert.Equal(["raised", "corroborated", "corroborated"], more.Transitions.Select(t => t.Action));
        Assert.Null(more.Transitions[^1].ToSeverity);
    }

    [Fact]
    public async Task More_confirmations_raise_a_pre_alarm_only_once()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "pre-alarm-confirmed", WarningTypes.FirePreAlarm);

        await alert.Corroborate(["cam-1.smoke.20260105T010000Z"]);
        var after = await alert.Corroborate(["fire-2.fire.20260105T010000Z"]);

        Assert.Equal(AlertSeverity.High, after.Severity);
    }

    [Fact]
    public async Task A_resolved_alert_is_not_changed_by_corroboration()
    {
        await using var cluster = await AlertCluster.StartAsync(observer);
        var alert = await RaisedAlerts.RaiseAsync(cluster, "pre-alarm-closed", WarningTypes.FirePreAlarm);
        var resolved = await alert.Resolve("lan.nguyen", "Báo nhầm");

        var after = await alert.Corroborate(["cam-1.smoke.20260105T010000Z"]);

        Assert.Equal(resolved.Version, after.Version);
        Assert.Equal(AlertSeverity.Medium, after.Severity);
        Assert.Empty(after.CorroboratedBy);
    }
}
