using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Alerts;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Which alerts in an incident the directory tells a fire alert about, on the directory alone.</summary>
public sealed class AlertCorroborationTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Square = new(106.3366, 20.4463);
    private static readonly GeoPoint Street = new(106.33756, 20.4463); // 100 m east

    private readonly RecordingCorroborator corroborator = new();
    private readonly AlertDirectory directory;

    public AlertCorroborationTests()
    {
        directory = new AlertDirectory(Options.Create(new AlertOptions()), corroborator);
    }

    [Fact]
    public void A_smoke_alert_joining_a_fire_alerts_incident_confirms_the_fire_alert_once()
    {
        var fire = Alert("panel-1", WarningTypes.Fire, Noon, Square);
        var smoke = Alert("cam-1", WarningTypes.Smoke, Noon.AddMinutes(1), Street);

        directory.OnAlertChanged(fire);
        directory.OnAlertChanged(smoke);
        directory.OnAlertChanged(smoke with { Version = 2, RepeatCount = 2 });

        var sent = Assert.Single(corroborator.Sent);
        Assert.Equal(fire.Id, sent.AlertId);
        Assert.Equal([smoke.Id], sent.ConfirmedBy);
    }

    [Fact]
    public void A_fire_alert_joining_after_the_smoke_and_pm25_is_confirmed_by_both()
    {
        var smoke = Alert("cam-1", WarningTypes.Smoke, Noon, Street);
        var pm25 = Alert("env-1", WarningTypes.Pollution, Noon.AddMinutes(1), Square);
        var preAlarm = Alert("panel-1", WarningTypes.FirePreAlarm, Noon.AddMinutes(2), Square);

        directory.OnAlertChanged(smoke);
        directory.OnAlertChanged(pm25);
        directory.OnAlertChanged(preAlarm);

        var sent = Assert.Single(corroborator.Sent);
        Assert.Equal(preAlarm.Id, sent.AlertId);
        Assert.Equal([smoke.Id, pm25.Id], sent.ConfirmedBy);
    }

    [Fact]
    public void Two_panels_in_alarm_next_to_each_other_confirm_each_other()
    {
        var first = Alert("panel-1", WarningTypes.Fire, Noon, Square);
        var second = Alert("panel-2", WarningTypes.FirePreAlarm, Noon.AddMinutes(1), Street);

        directory.OnAlertChanged(first);
        directory.OnAlertChanged(second);

        Assert.Equal(
            [(first.Id, second.Id), (second.Id, first.Id)],
            corroborator.Sent.Select(s => (s.AlertId, Assert.Single(s.ConfirmedBy))).Order());
    }

    [Theory]
    [InlineData("panel-1", WarningTypes.Smoke)] // the same twin confirms nothing
    [InlineData("cam-1", WarningTypes.Intrusion)]
    [InlineData("cam-1", WarningTypes.Offline)]
    public void Alerts_that_say_nothing_about_a_fire_do_not_confirm_it(string twinId, string type)
    {
        directory.OnAlertChanged(Alert("panel-1", WarningTypes.Fire, Noon, Square));
        directory.OnAlertChanged(Alert(twinId, type, Noon.AddMinutes(1), Street));

        Assert.Empty(corroborator.Sent);
    }

    [Fact]
    public void Stored_alerts_that_already_name_their_confirmations_ask_nothing_again_after_a_restart()
    {
        var smoke = Alert("cam-1", WarningTypes.Smoke, Noon.AddMinutes(1), Street);
        var fire = Alert("panel-1", WarningTypes.Fire, Noon, Square) with { Version = 2, CorroboratedBy = [smoke.Id] };

        directory.AddLoaded([smoke, fire]);

        Assert.Empty(corroborator.Sent);
        Assert.NotNull(directory.Find(fire.Id)!.IncidentId);
    }

    [Fact]
    public void A_resolved_fire_alert_is_not_confirmed()
    {
        var fire = Alert("panel-1", WarningTypes.Fire, Noon, Square);
        directory.OnAlertChanged(fire);
        directory.OnAlertChanged(Alert("panel-2", WarningTypes.Fire, Noon, Street)); // keeps the incident open
        var sentBefore = corroborator.Sent.Count;
        directory.OnAlertChanged(fire with { Version = 2, Status = AlertStatus.Resolved });

        directory.OnAlertChanged(Alert("cam-1", WarningTypes.Smoke, Noon.AddMinutes(1), Street));

        Assert.DoesNotContain(corroborator.Sent.Skip(sentBefore), s => s.AlertId == fire.Id);
    }

    private static AlertSnapshot Alert(string twinId, string type, DateTimeOffset at, GeoPoint where) => new()
    {
        Id = AlertIds.Create(twinId, type, at),
        Version = 1,
        Type = type,
        Severity = AlertSeverities.Of(type),
        Status = AlertStatus.Active,
        TwinId = twinId,
        TwinKind = DeviceKind.Camera,
        Location = where,
        DedupKey = AlertIds.DedupKey(twinId, type),
        RaisedAt = at,
        LastRaisedAt = at,
        RepeatCount = 1,
        Evidence = new Dictionary<string, double>(),
        Transitions = [new AlertTransition("raised", "system", at)],
    };
}
