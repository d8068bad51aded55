using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// The fire acceptance, end to end: a hospital panel's temperature ramps about 10 °C a minute from +3 min, smoke
/// thickens, the panel goes to pre-alarm and alarm, and the camera within 300 m sees smoke from +5 min.
/// </summary>
[Collection(WarningDrillCollection.Name)]
public sealed class FireWarningTests(FireDrillFixture fire) : IClassFixture<FireDrillFixture>
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_simulated_fire_raises_one_fire_alert_on_the_panel_within_30_s_of_onset_in_one_incident_with_the_cameras_smoke()
    {
        var drill = fire.Drill;
        var panel = drill.Target("panel")[0];
        var camera = drill.Target("camera")[0];

        var fireAlert = Assert.Single(await drill.Desk.WaitForAlertsAsync(panel, "fire"));
        var smokeAlert = Assert.Single(await drill.Desk.WaitForAlertsAsync(camera, "smoke"));

        var onset = drill.Onset("fire", panel);
        var raisedAt = fireAlert.Time("raisedAt");
        Assert.True(
            (raisedAt - onset).Duration() <= Tolerance,
            $"The fire was raised at {drill.Offset(raisedAt)}; the ground truth's onset is {drill.Offset(onset)}: {fireAlert.ToJsonString()}");
        var incidentId = await SharedIncidentAsync(drill, fireAlert.Str("id"), smokeAlert.Str("id"));
        var incident = await drill.Desk.IncidentAsync(incidentId);
        var members = incident["alerts"]!.AsArray().Select(a => a!.Str("id")).ToList();
        Assert.Contains(fireAlert.Str("id"), members);
        Assert.Contains(smokeAlert.Str("id"), members);
        Assert.Single(members, id => id.StartsWith(panel + ".fire.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_acknowledges_and_resolves_the_fire_through_the_api_and_the_trail_shows_who_and_when()
    {
        var drill = fire.Drill;
        var panel = drill.Target("panel")[0];
        var alertId = Assert.Single(await drill.Desk.WaitForAlertsAsync(panel, "fire")).Str("id");
        var username = "lan-" + Guid.NewGuid().ToString("N")[..8];
        using var lan = await SignInAsync(drill.Silo, username, "operator");
        var path = $"api/v1/alerts/{Uri.EscapeDataString(alertId)}";

        var before = DateTimeOffset.UtcNow;
        using var acknowledged = await lan.PostAsJsonAsync(path + "/acknowledge", new { note = "Đã điều xe chữa cháy" });
        using var resolved = await lan.PostAsJsonAsync(path + "/resolve", new { note = "Đã dập tắt đám cháy" });
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var alert = await drill.Desk.AlertAsync(alertId);
        Assert.Equal("Resolved", alert.Str("status"));
        Assert.Equal(username, alert.Str("acknowledgedBy"));
        Assert.Equal(username, alert.Str("resolvedBy"));
        Assert.InRange(alert.Time("acknowledgedAt"), before, after);
        Assert.InRange(alert.Time("resolvedAt"), alert.Time("acknowledgedAt"), after);
        var trail = alert["transitions"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(("raised", "system"), (trail[0].Str("action"), trail[0].Str("by")));
        var acknowledgement = Assert.Single(trail, t => t.Str("action") == "acknowledged");
        var resolution = Assert.Single(trail, t => t.Str("action") == "resolved");
        Assert.Equal((username, "Đã điều xe chữa cháy"), (acknowledgement.Str("by"), acknowledgement.Str("note")));
        Assert.Equal((username, "Đã dập tắt đám cháy"), (resolution.Str("by"), resolution.Str("note")));
        Assert.Equal(alert.Time("acknowledgedAt"), acknowledgement.Time("at"));
        Assert.Equal(alert.Time("resolvedAt"), resolution.Time("at"));
    }

    /// <summary>The incident both alerts are in, once the API's directory has grouped them.</summary>
    private static async Task<string> SharedIncidentAsync(WarningDrill drill, string fireId, string smokeId)
    {
        string? incident = null;
        await AlertDesk.WaitUntilAsync(
            async () =>
            {
                var first = (await drill.Desk.AlertAsync(fireId)).StrOrNull("incidentId");
                var second = (await drill.Desk.AlertAsync(smokeId)).StrOrNull("incidentId");
                incident = first;
                return first is not null && first == second;
            },
            async () => $"the fire and the smoke are not in one incident: {(await drill.Desk.AlertAsync(fireId)).ToJsonString()} / {(await drill.Desk.AlertAsync(smokeId)).ToJsonString()}");
        return incident!;
    }

    /// <summary>As the IOC does it: the admin creates the operator, who signs in and works with a bearer token.</summary>
    private static async Task<HttpClient> SignInAsync(InProcessSilo silo, string username, string role)
    {
        const string password = "Correct-Horse-42-battery";
        using (var admin = silo.CreateAdminClient())
        {
            using var created = await admin.PostAsJsonAsync("api/v1/auth/users", new { username, password, role });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        // The token alone, as a tool sends it: no session cookie.
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(silo.ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var login = await client.PostAsJsonAsync("api/v1/auth/login", new { username, password });
            Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!.Str("accessToken");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
