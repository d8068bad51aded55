using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>Alerts are the IOC's record of what happened: a silo restart must not lose one, nor its trail.</summary>
public sealed class AlertRestartTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "twin-alert-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Alerts_their_trail_and_incidents_survive_a_restart_and_a_new_raise_repeats_the_open_alert()
    {
        string panelId = AlertTwins.NewId("fire"), cameraId = AlertTwins.NewId("cam");
        string fireAlertId;
        string incidentId;
        using (var before = new SqliteTwinApiFactory(dataPath))
        {
            using var client = before.CreateAdminClient();
            var twins = new AlertTwins(before.Services);
            await (await twins.FirePanelAsync(panelId, AlertTwins.CityCentre)).RaiseWarning(WarningTypes.Fire);
            await (await twins.CameraAsync(cameraId, AlertTwins.NextStreet)).RaiseWarning(WarningTypes.Intrusion);
            var fire = (await AlertJson.ReadItemsAsync(await client.GetAsync($"/api/v1/alerts?twin={panelId}"))).Single();
            fireAlertId = fire!.Str("id");
            incidentId = fire.Str("incidentId");
            using var acknowledged = await client.PostAsJsonAsync($"/api/v1/alerts/{Uri.EscapeDataString(fireAlertId)}/acknowledge", new { note = "Đang xác minh" });
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

            // The silo's own shutdown path, taken once: WebApplicationFactory stops the host twice, and two overlapping
            // runtime stops can wait out the shutdown timeout.
            await StopGrainRuntimeAsync(before);
        }

        using var after = new SqliteTwinApiFactory(dataPath);
        using var restarted = after.CreateAdminClient();
        var listed = (await AlertJson.ReadItemsAsync(await restarted.GetAsync($"/api/v1/alerts?twin={panelId}"))).Single();
        using var incident = await restarted.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(incidentId)}");
        var panel = new AlertTwins(after.Services);
        await (await panel.FirePanelAsync(panelId, AlertTwins.CityCentre)).RaiseWarning(WarningTypes.Fire);
        var repeated = (await AlertJson.ReadItemsAsync(await restarted.GetAsync($"/api/v1/alerts?twin={panelId}"))).Single();

        Assert.NotNull(listed);
        Assert.Equal(fireAlertId, listed.Str("id"));
        Assert.Equal("Acknowledged", listed.Str("status"));
        Assert.Equal("key:admin", listed.Str("acknowledgedBy"));
        Assert.Equal("Đang xác minh", listed["transitions"]!.AsArray()[1].Str("note"));
        Assert.Equal(HttpStatusCode.OK, incident.StatusCode);
        Assert.Equal(2, (await AlertJson.ReadObjectAsync(incident))["alerts"]!.AsArray().Count);
        Assert.NotNull(repeated);
        Assert.Equal(fireAlertId, repeated.Str("id"));
        Assert.Equal(2, repeated["repeatCount"]!.GetValue<int>());

        await StopGrainRuntimeAsync(after);
    }

    /// <summary>Deactivates every grain (saving its state) as a silo shutdown does, before the factory's own double stop.</summary>
    private static Task StopGrainRuntimeAsync(TwinApiFactory silo) =>
        silo.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "GrainRuntimeHostedService").StopAsync(CancellationToken.None);

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
