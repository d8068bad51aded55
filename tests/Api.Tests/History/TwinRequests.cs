using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.History;

/// <summary>Provisioning and telemetry as a client sends them, for history and KPI tests.</summary>
internal static class TwinRequests
{
    public static ProvinceMap Map { get; } = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);

    public static async Task ProvisionAsync(HttpClient admin, string id, string kind, District? district = null)
    {
        var at = (district ?? Map.Districts[0]).InteriorPoint;
        using var response = await admin.PutAsJsonAsync(
            $"/api/v1/twins/{id}",
            new { kind, name = "Thiết bị " + id, location = new { lon = at.Longitude, lat = at.Latitude } });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one batch of points of one metric at their device timestamps.</summary>
    public static async Task PostTelemetryAsync(HttpClient admin, string id, string metric, params (DateTimeOffset At, double Value)[] points)
    {
        var body = "[" + string.Join(",", points.Select(p => string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"ts\":{p.At.ToUnixTimeMilliseconds()},\"values\":{{\"{metric}\":{p.Value}}}}}"))) + "]";
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync($"/api/v1/twins/{id}/telemetry", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
