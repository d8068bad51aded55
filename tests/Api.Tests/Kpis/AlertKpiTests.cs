using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Tests.History;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Tests.Kpis;

/// <summary>Alert handling times; its own silo, because it moves the clock the other KPI tests keep still.</summary>
public sealed class AlertKpiTests(ClockedTwinApiFactory factory) : IClassFixture<ClockedTwinApiFactory>
{
    [Fact]
    public async Task Mean_time_to_acknowledge_and_to_resolve_cover_the_alerts_raised_in_the_range_of_the_district()
    {
        using var admin = factory.CreateAdminClient();
        var district = TwinRequests.Map.Districts[5];
        var other = TwinRequests.Map.Districts[6];
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var start = ClockedTwinApiFactory.Start;
        var (fast, slow, elsewhere) = (NewId(), NewId(), NewId());
        await RaiseAsync(grains, fast, district.Id, start);
        await RaiseAsync(grains, slow, district.Id, start);
        await RaiseAsync(grains, elsewhere, other.Id, start);

        factory.Clock.MoveTo(start.AddSeconds(60));
        await PostAsync(admin, $"/api/v1/alerts/{fast}/acknowledge");
        await PostAsync(admin, $"/api/v1/alerts/{elsewhere}/acknowledge");
        factory.Clock.MoveTo(start.AddSeconds(180));
        await PostAsync(admin, $"/api/v1/alerts/{slow}/acknowledge");
        await PostAsync(admin, $"/api/v1/alerts/{fast}/resolve");

        using var response = await admin.GetAsync($"/api/v1/kpis?district={district.Id}&from=2026-11-16&to=2026-11-17");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var kpis = JsonDocument.Parse(text);

        var alerts = kpis.RootElement.GetProperty("districts")[0].GetProperty("alerts");
        Assert.Equal(2, alerts.GetProperty("raised").GetInt32());
        Assert.Equal(2, alerts.GetProperty("acknowledged").GetInt32());
        Assert.Equal(1, alerts.GetProperty("resolved").GetInt32());
        Assert.Equal(120, alerts.GetProperty("meanTimeToAcknowledgeSeconds").GetDouble());
        Assert.Equal(180, alerts.GetProperty("meanTimeToResolveSeconds").GetDouble());
    }

    private static string NewId() => "alert-" + Guid.NewGuid().ToString("N")[..10];

    private static Task RaiseAsync(IGrainFactory grains, string id, string districtId, DateTimeOffset at) =>
        grains.GetGrain<IAlert>(id).Raise(new AlertRaise(
            "intrusion", "cam-" + id, DeviceKind.Camera, districtId, null, "Xâm nhập khu vực cấm", new Dictionary<string, double>(), at));

    private static async Task PostAsync(HttpClient client, string path)
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
