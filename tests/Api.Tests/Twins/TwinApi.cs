using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>
/// What the twin specs do to a silo: provision through the API as an operator would, and make twins report through
/// their grains (the device gateways have their own specs), then read the API back.
/// </summary>
internal static class TwinApi
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public static ProvinceMap Map(this TwinApiFactory factory) => factory.Services.GetRequiredService<ProvinceMap>();

    public static IGrainFactory Grains(this TwinApiFactory factory) => factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>PUT /api/v1/twins/{id}; returns the issued MQTT password when the twin is new.</summary>
    public static async Task<string?> ProvisionAsync(HttpClient admin, string id, string kind, GeoPoint at, string? name = null)
    {
        using var response = await admin.PutAsJsonAsync(
            $"/api/v1/twins/{id}",
            new { kind, name = name ?? $"Twin {id}", location = new { lon = at.Longitude, lat = at.Latitude } });
        Assert.True(response.IsSuccessStatusCode, $"provisioning {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
            ? credentials.GetProperty("password").GetString()
            : null;
    }

    public static Task ReportAsync(this TwinApiFactory factory, string kind, string id, params (string Metric, double Value)[] values)
    {
        Assert.True(DeviceKindNames.TryParse(kind, out var parsed));
        return factory.Grains().GetDeviceTwin(parsed, id).ReportTelemetry(TelemetryBatch.Of(DateTimeOffset.UtcNow, values));
    }

    public static Task ReportStatusAsync(this TwinApiFactory factory, string kind, string id, DeviceStatus status)
    {
        Assert.True(DeviceKindNames.TryParse(kind, out var parsed));
        return factory.Grains().GetDeviceTwin(parsed, id).ReportStatus(status, DateTimeOffset.UtcNow);
    }

    /// <summary>Every page of GET /api/v1/twins{query}, following nextCursor; the items' ids in the order received.</summary>
    public static async Task<List<JsonElement>> ListAllAsync(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = query.Length == 0 ? "?" : "&";
            var url = "/api/v1/twins" + query + (cursor is null ? string.Empty : $"{separator}cursor={Uri.EscapeDataString(cursor)}");
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            items.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()));
            var next = page.RootElement.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }
        while (cursor is not null);

        return items;
    }

    public static async Task<HashSet<string>> ListIdsAsync(HttpClient client, string query) =>
        (await ListAllAsync(client, query)).Select(e => e.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>A point <paramref name="metersEast"/> east of <paramref name="origin"/> (small distances, spherical earth).</summary>
    public static GeoPoint East(GeoPoint origin, double metersEast) =>
        new(origin.Longitude + metersEast / (111_195 * Math.Cos(double.DegreesToRadians(origin.Latitude))), origin.Latitude);
}
