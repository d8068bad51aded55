using System.Globalization;
using System.Net;
using System.Text.Json;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>GET /api/v1/twins.geojson: an RFC 7946 FeatureCollection of points a map library can load as is.</summary>
public sealed class TwinGeoJsonTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Twins_are_point_features_with_their_place_status_warnings_and_latest_metrics()
    {
        using var admin = factory.CreateAdminClient();
        var district = factory.Map().Districts[0];
        var id = TwinApi.NewId("geo");
        await TwinApi.ProvisionAsync(admin, id, "environment-sensor", district.InteriorPoint, name: "Trạm quan trắc Tiền Hải");
        await factory.ReportAsync("environment-sensor", id, ("pm2_5", 55.5), ("humidity", 81));
        await factory.Grains().GetDeviceTwin(DeviceKind.EnvironmentSensor, id).RaiseWarning("sensor-fault");

        using var response = await admin.GetAsync("/api/v1/twins.geojson?kind=environment-sensor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = collection.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nextCursor").ValueKind);
        var feature = Assert.Single(root.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == id);
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var geometry = feature.GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        Assert.Equal([district.InteriorPoint.Longitude, district.InteriorPoint.Latitude], geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = feature.GetProperty("properties");
        Assert.Equal(id, properties.GetProperty("id").GetString());
        Assert.Equal("environment-sensor", properties.GetProperty("kind").GetString());
        Assert.Equal("Trạm quan trắc Tiền Hải", properties.GetProperty("name").GetString());
        Assert.Equal(district.Id, properties.GetProperty("districtId").GetString());
        Assert.Equal("online", properties.GetProperty("status").GetString());
        Assert.True(properties.GetProperty("lastSeen").TryGetDateTimeOffset(out _));
        Assert.Equal(["sensor-fault"], properties.GetProperty("activeWarnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(55.5, properties.GetProperty("metrics").GetProperty("pm2_5").GetDouble());
        Assert.Equal(81, properties.GetProperty("metrics").GetProperty("humidity").GetDouble());
    }

    [Fact]
    public async Task A_limited_collection_continues_with_its_next_cursor_and_filters_apply()
    {
        using var admin = factory.CreateAdminClient();
        var at = TwinApi.East(factory.Map().Districts[2].InteriorPoint, 321);
        var ids = Enumerable.Range(0, 5).Select(_ => TwinApi.NewId("geo-page")).Order(StringComparer.Ordinal).ToArray();
        foreach (var id in ids)
        {
            await TwinApi.ProvisionAsync(admin, id, "camera", at);
        }

        var near = string.Create(CultureInfo.InvariantCulture, $"near={at.Longitude},{at.Latitude},1");
        using var first = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/twins.geojson?{near}&limit=3"));
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        using var rest = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/twins.geojson?{near}&limit=3&cursor={Uri.EscapeDataString(cursor!)}"));

        var features = first.RootElement.GetProperty("features").EnumerateArray().Concat(rest.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(ids, features.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, rest.RootElement.GetProperty("nextCursor").ValueKind);
    }
}
