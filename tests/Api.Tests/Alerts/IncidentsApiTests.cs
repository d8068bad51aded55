using System.Net;
using System.Text.Json.Nodes;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>
/// Incidents group alerts close in space and time. A silo of its own (alerts of other test classes would join), and
/// each test in its own town, kilometres from the others.
/// </summary>
public sealed class IncidentsApiTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private readonly AlertTwins twins = new(factory.Services);

    [Fact]
    public async Task A_fire_panel_alarm_a_camera_and_a_pm25_spike_next_to_each_other_are_one_incident()
    {
        using var client = factory.CreateAdminClient();
        GeoPoint school = new(106.3284, 20.6526), gate = new(106.3300, 20.6530), market = new(106.3292, 20.6512);
        string panelId = AlertTwins.NewId("fire"), cameraId = AlertTwins.NewId("cam"), sensorId = AlertTwins.NewId("env"), farawayId = AlertTwins.NewId("fire");
        var panel = await twins.FirePanelAsync(panelId, school);
        var camera = await twins.CameraAsync(cameraId, gate);
        var sensor = await twins.SensorAsync(sensorId, market);
        var faraway = await twins.FirePanelAsync(farawayId, new GeoPoint(106.3284, 20.6626)); // 1.1 km north

        await panel.RaiseWarning(WarningTypes.Fire);
        await camera.RaiseWarning(WarningTypes.Intrusion);
        await sensor.RaiseWarning(WarningTypes.Pollution);
        await faraway.RaiseWarning(WarningTypes.Fire);

        var fireAlert = await AlertOfAsync(client, panelId);
        var incidentId = fireAlert.Str("incidentId");
        using var response = await client.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(incidentId)}");
        var incident = await AlertJson.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Open", incident.Str("status"));
        Assert.Equal("Critical", incident.Str("severity"));
        Assert.Equal(["fire", "intrusion", "pollution"], incident["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        var alerts = incident["alerts"]!.AsArray();
        Assert.Equal([panelId, cameraId, sensorId], alerts.Select(a => a.Str("twinId")));
        Assert.All(alerts, a => Assert.Equal(incidentId, a.Str("incidentId")));
        Assert.Equal(alerts[0].Str("raisedAt"), incident.Str("firstRaisedAt"));
        var bounds = incident["bounds"]!;
        Assert.Equal(106.3284, bounds["minLongitude"]!.GetValue<double>());
        Assert.Equal(106.3300, bounds["maxLongitude"]!.GetValue<double>());
        Assert.Equal(20.6512, bounds["minLatitude"]!.GetValue<double>());
        Assert.Equal(20.6530, bounds["maxLatitude"]!.GetValue<double>());
        Assert.Null((await AlertOfAsync(client, farawayId)).StrOrNull("incidentId"));
        var open = await AlertJson.ReadItemsAsync(await client.GetAsync("/api/v1/incidents?status=open"));
        Assert.Contains(incidentId, open.Ids());
    }

    [Fact]
    public async Task A_single_alert_has_no_incident()
    {
        using var client = factory.CreateAdminClient();
        var panelId = AlertTwins.NewId("fire");
        var panel = await twins.FirePanelAsync(panelId, new GeoPoint(106.2300, 20.5300));

        await panel.RaiseWarning(WarningTypes.FirePreAlarm);

        Assert.Null((await AlertOfAsync(client, panelId)).StrOrNull("incidentId"));
    }

    [Fact]
    public async Task An_incident_closes_when_all_its_alerts_are_resolved()
    {
        using var client = factory.CreateAdminClient();
        GeoPoint here = new(106.4500, 20.4000), nearby = new(106.4510, 20.4005);
        string panelId = AlertTwins.NewId("fire"), cameraId = AlertTwins.NewId("cam");
        var panel = await twins.FirePanelAsync(panelId, here);
        var camera = await twins.CameraAsync(cameraId, nearby);
        await panel.RaiseWarning(WarningTypes.Fire);
        await camera.RaiseWarning(WarningTypes.Tamper);
        var first = await AlertOfAsync(client, panelId);
        var second = await AlertOfAsync(client, cameraId);
        var incidentId = first.Str("incidentId");

        (await client.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(first.Str("id"))}/resolve", null)).Dispose();
        var halfway = await AlertJson.ReadObjectAsync(await client.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(incidentId)}"));
        (await client.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(second.Str("id"))}/resolve", null)).Dispose();
        var closed = await AlertJson.ReadItemsAsync(await client.GetAsync("/api/v1/incidents?status=closed"));
        var open = await AlertJson.ReadItemsAsync(await client.GetAsync("/api/v1/incidents?status=open"));

        Assert.Equal(incidentId, second.Str("incidentId"));
        Assert.Equal("Open", halfway.Str("status"));
        Assert.Contains(incidentId, closed.Ids());
        Assert.DoesNotContain(incidentId, open.Ids());
    }

    [Fact]
    public async Task An_unknown_incident_is_a_404_problem_and_a_bad_status_a_400_problem()
    {
        using var client = factory.CreateAdminClient();

        using var unknown = await client.GetAsync("/api/v1/incidents/incident.nothing");
        using var badStatus = await client.GetAsync("/api/v1/incidents?status=active");
        using var badFrom = await client.GetAsync("/api/v1/incidents?from=last-week");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("'status'", (await AlertJson.ReadObjectAsync(badStatus)).Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Contains("'from'", (await AlertJson.ReadObjectAsync(badFrom)).Str("detail"), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> AlertOfAsync(HttpClient client, string twinId) =>
        (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={Uri.EscapeDataString(twinId)}"))).Single()!;
}
