using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>An alert's life as the API shows it: handled and audited, confirmed by sensors nearby, resolving itself when routine.</summary>
public sealed class AlertLifecycleApiTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private readonly AlertTwins twins = new(factory.Services);

    [Fact]
    public async Task Acknowledge_then_resolve_through_http_records_who_and_when_in_the_trail()
    {
        using var client = factory.CreateAdminClient();
        var panelId = AlertTwins.NewId("fire");
        await (await twins.FirePanelAsync(panelId, AlertTwins.Isolated())).RaiseWarning(WarningTypes.FirePreAlarm);
        var path = await PathOfAsync(client, panelId);

        var before = DateTimeOffset.UtcNow;
        using var acknowledged = await client.PostAsJsonAsync(path + "/acknowledge", new { note = "Đã cử người kiểm tra" });
        using var resolved = await client.PostAsJsonAsync(path + "/resolve", new { note = "Báo nhầm do bụi" });
        var after = DateTimeOffset.UtcNow;
        var alert = await AlertJson.ReadObjectAsync(await client.GetAsync(path));
        var trail = alert["transitions"]!.AsArray();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (acknowledged.StatusCode, resolved.StatusCode));
        Assert.Equal(
            [("raised", "system", null), ("acknowledged", "key:admin", "Đã cử người kiểm tra"), ("resolved", "key:admin", "Báo nhầm do bụi")],
            trail.Select(t => (t.Str("action"), t.Str("by"), t.StrOrNull("note"))));
        Assert.InRange(Time(trail[1]!.Str("at")), before, after);
        Assert.InRange(Time(trail[2]!.Str("at")), Time(trail[1]!.Str("at")), after);
        Assert.Equal(trail[1]!.Str("at"), alert.Str("acknowledgedAt"));
        Assert.Equal(trail[2]!.Str("at"), alert.Str("resolvedAt"));
        Assert.Equal(("key:admin", "key:admin"), (alert.Str("acknowledgedBy"), alert.Str("resolvedBy")));
        Assert.Equal(0, alert["escalationLevel"]!.GetValue<int>());
        Assert.Null(alert.StrOrNull("escalatesAt"));
    }

    [Fact]
    public async Task A_smoke_alert_on_a_camera_100_m_away_joins_the_fire_alerts_incident_and_raises_its_severity()
    {
        using var client = factory.CreateAdminClient();
        var building = AlertTwins.Isolated();
        GeoPoint street = new(building.Longitude + 0.00096, building.Latitude); // 100 m east
        string panelId = AlertTwins.NewId("fire"), cameraId = AlertTwins.NewId("cam");
        var panel = await twins.FirePanelAsync(panelId, building);
        var camera = await twins.CameraAsync(cameraId, street);

        await panel.RaiseWarning(WarningTypes.Fire, new WarningDetails("Nhiệt độ tăng 9 °C/phút", Severity: AlertSeverity.High));
        var firePath = await PathOfAsync(client, panelId);
        var alone = await AlertJson.ReadObjectAsync(await client.GetAsync(firePath));
        await camera.RaiseWarning(WarningTypes.Smoke, new WarningDetails("Camera phát hiện khói"));
        var smokeId = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={cameraId}"))).Single().Str("id");
        var confirmed = await AlertJson.EventuallyAsync(client, firePath, a => a.Str("severity") == "Critical");
        var incident = await AlertJson.ReadObjectAsync(await client.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(confirmed.Str("incidentId"))}"));

        Assert.Equal("High", alone.Str("severity"));
        Assert.Equal("Critical", confirmed.Str("severity"));
        Assert.Equal([smokeId], confirmed["corroboratedBy"]!.AsArray().Select(i => i!.GetValue<string>()));
        var step = confirmed["transitions"]!.AsArray()[^1]!;
        Assert.Equal(("corroborated", "system", "High", "Critical"), (step.Str("action"), step.Str("by"), step.Str("fromSeverity"), step.Str("toSeverity")));
        Assert.Contains(smokeId, step.Str("note"), StringComparison.Ordinal);
        Assert.Equal("Critical", incident.Str("severity"));
        Assert.Equal(["fire", "smoke"], incident["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("High", (await AlertJson.ReadObjectAsync(await client.GetAsync($"/api/v1/alerts/{Uri.EscapeDataString(smokeId)}"))).Str("severity"));
    }

    [Fact]
    public async Task An_intrusion_next_to_a_fire_alarm_shares_its_incident_but_does_not_raise_its_severity()
    {
        using var client = factory.CreateAdminClient();
        var building = AlertTwins.Isolated();
        string panelId = AlertTwins.NewId("fire"), cameraId = AlertTwins.NewId("cam");
        var panel = await twins.FirePanelAsync(panelId, building);
        var camera = await twins.CameraAsync(cameraId, new GeoPoint(building.Longitude + 0.00096, building.Latitude));

        await panel.RaiseWarning(WarningTypes.FirePreAlarm);
        await camera.RaiseWarning(WarningTypes.Intrusion);
        var firePath = await PathOfAsync(client, panelId);
        await Task.Delay(500);
        var fire = await AlertJson.ReadObjectAsync(await client.GetAsync(firePath));
        var incident = await AlertJson.ReadObjectAsync(await client.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(fire.Str("incidentId"))}"));

        Assert.Equal("Medium", fire.Str("severity"));
        Assert.Empty(fire["corroboratedBy"]!.AsArray());
        Assert.Equal("High", incident.Str("severity")); // the intrusion's: an incident shows its highest
    }

    [Fact]
    public async Task An_offline_alert_resolves_itself_when_the_camera_comes_back_online_and_stays_listed()
    {
        using var client = factory.CreateAdminClient();
        var cameraId = AlertTwins.NewId("cam");
        var camera = await twins.CameraAsync(cameraId, AlertTwins.Isolated());
        await camera.RaiseWarning(WarningTypes.Offline, new WarningDetails("Camera mất kết nối"));
        var path = await PathOfAsync(client, cameraId);

        await camera.ClearWarning(WarningTypes.Offline);
        var alert = await AlertJson.ReadObjectAsync(await client.GetAsync(path));
        var resolvedList = await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={cameraId}&status=resolved"));

        Assert.Equal(("Resolved", "system"), (alert.Str("status"), alert.Str("resolvedBy")));
        Assert.NotNull(alert.StrOrNull("clearedAt"));
        var trail = alert["transitions"]!.AsArray();
        Assert.Equal(["raised", "cleared", "resolved"], trail.Select(t => t.Str("action")));
        Assert.Equal("Điều kiện đã hết (condition cleared)", trail[^1].Str("note"));
        Assert.Equal([alert.Str("id")], resolvedList.Ids());
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<string> PathOfAsync(HttpClient client, string twinId)
    {
        var id = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={twinId}"))).Single().Str("id");
        return $"/api/v1/alerts/{Uri.EscapeDataString(id)}";
    }
}
