using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Alerts;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Incident grouping at its edges, on the directory alone with alerts at chosen times and places.</summary>
public sealed class AlertDirectoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Square = new(106.3366, 20.4463);

    private readonly AlertDirectory directory = new(Options.Create(new AlertOptions()));

    [Fact]
    public void Alerts_within_300_m_and_10_minutes_form_one_incident_and_a_third_nearby_joins_it()
    {
        var fire = Alert("fire", Noon, Square);
        var camera = Alert("intrusion", Noon.AddMinutes(9), East(250));
        var pm25 = Alert("pollution", Noon.AddMinutes(18), East(500)); // 18 min after the fire and 500 m from it, but 9 min and 250 m from the camera

        directory.OnAlertChanged(fire);
        directory.OnAlertChanged(camera);
        directory.OnAlertChanged(pm25);

        var incidentId = directory.Find(fire.Id)!.IncidentId;
        Assert.NotNull(incidentId);
        Assert.Equal([fire.Id, camera.Id, pm25.Id], directory.FindIncident(incidentId)!.Alerts.Select(a => a.Id));
        Assert.Equal(incidentId, directory.Find(pm25.Id)!.IncidentId);
    }

    [Theory]
    [InlineData(11, 100)]
    [InlineData(1, 320)]
    public void Alerts_too_far_apart_in_time_or_space_stay_single(int minutesApart, double metresApart)
    {
        var first = Alert("fire", Noon, Square);
        var second = Alert("intrusion", Noon.AddMinutes(minutesApart), East(metresApart));

        directory.OnAlertChanged(first);
        directory.OnAlertChanged(second);

        Assert.Null(directory.Find(first.Id)!.IncidentId);
        Assert.Null(directory.Find(second.Id)!.IncidentId);
        Assert.Empty(directory.Incidents(IncidentFilter.All));
    }

    [Fact]
    public void A_new_alert_does_not_join_a_closed_incident()
    {
        var first = Alert("fire", Noon, Square);
        var second = Alert("intrusion", Noon.AddMinutes(1), East(50));
        directory.OnAlertChanged(first);
        directory.OnAlertChanged(second);
        directory.OnAlertChanged(first with { Version = 2, Status = AlertStatus.Resolved });
        directory.OnAlertChanged(second with { Version = 2, Status = AlertStatus.Resolved });

        var third = Alert("pollution", Noon.AddMinutes(2), East(60));
        directory.OnAlertChanged(third);

        var closed = Assert.Single(directory.Incidents(IncidentFilter.All));
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.Equal(2, closed.Alerts.Count);
        Assert.Null(directory.Find(third.Id)!.IncidentId);
    }

    [Fact]
    public void Stored_alerts_loaded_in_any_order_form_the_same_incidents_and_an_older_copy_never_wins()
    {
        var fire = Alert("fire", Noon, Square);
        var camera = Alert("intrusion", Noon.AddMinutes(5), East(100));
        var acknowledged = fire with { Version = 2, Status = AlertStatus.Acknowledged, AcknowledgedBy = "lan.nguyen" };
        directory.OnAlertChanged(acknowledged);

        directory.AddLoaded([camera, fire]);

        Assert.Equal("lan.nguyen", directory.Find(fire.Id)!.AcknowledgedBy);
        var incident = Assert.Single(directory.Incidents(IncidentFilter.All));
        Assert.Equal("incident." + fire.Id, incident.Id);
        Assert.Equal([fire.Id, camera.Id], incident.Alerts.Select(a => a.Id));
    }

    /// <summary><paramref name="metres"/> east of <see cref="Square"/> (at 20.45° N a degree of longitude is about 104.3 km).</summary>
    private static GeoPoint East(double metres) => Square with { Longitude = Square.Longitude + metres / 104_300 };

    private static AlertSnapshot Alert(string type, DateTimeOffset at, GeoPoint where)
    {
        var twinId = "twin-" + Guid.NewGuid().ToString("N")[..8];
        return new AlertSnapshot
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
}
