using System.Net;
using System.Text.Json;
using SmartCity.Twin.Api.Tests.Twins;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Districts;

/// <summary>Districts and the province: identities, live roll-ups and boundaries for the dashboard's map.</summary>
public sealed class DistrictApiTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_district_list_has_every_district_with_its_live_rollup_and_no_geometry()
    {
        using var admin = factory.CreateAdminClient();
        var map = factory.Map();
        var district = map.Districts[^1];
        await TwinApi.ProvisionAsync(admin, TwinApi.NewId("list-roll"), "camera", district.InteriorPoint);

        var item = await EventuallyAsync(async () =>
        {
            using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/districts"));
            Assert.Equal(map.Id, list.RootElement.GetProperty("provinceId").GetString());
            var items = list.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
            Assert.Equal(map.Districts.Select(d => d.Id), items.Select(i => i.GetProperty("id").GetString()));
            Assert.Equal(map.Districts.Select(d => d.Name), items.Select(i => i.GetProperty("name").GetString()));
            Assert.All(items, i => Assert.False(i.TryGetProperty("geometry", out _)));
            var found = items.Single(i => i.GetProperty("id").GetString() == district.Id);
            Assert.True(found.GetProperty("rollup").GetProperty("devices").GetProperty("total").GetInt32() >= 1);
            return found;
        });

        Assert.True(item.GetProperty("rollup").GetProperty("devicesByKind").GetProperty("camera").GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task One_district_has_its_rollup_and_its_boundary_as_a_geojson_geometry()
    {
        using var admin = factory.CreateAdminClient();
        var district = factory.Map().Districts[0];

        using var body = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/districts/" + district.Id));

        var root = body.RootElement;
        Assert.Equal(district.Id, root.GetProperty("id").GetString());
        Assert.Equal(district.Name, root.GetProperty("name").GetString());
        Assert.Equal(district.Id, root.GetProperty("rollup").GetProperty("areaId").GetString());
        Assert.Contains(root.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        AssertBounds(district.Bounds, root.GetProperty("geometry"));
        Assert.Contains("CC BY 3.0 IGO", root.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_district_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.GetAsync("/api/v1/districts/atlantis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_district_map_is_a_feature_collection_of_polygons_with_rollup_numbers_and_the_attribution()
    {
        using var admin = factory.CreateAdminClient();
        var map = factory.Map();
        var district = map.Districts[1];
        var id = TwinApi.NewId("choropleth");
        await TwinApi.ProvisionAsync(admin, id, "fire-alarm", district.InteriorPoint);
        await factory.ReportStatusAsync("fire-alarm", id, Grains.Devices.DeviceStatus.Online);

        var properties = await EventuallyAsync(async () =>
        {
            using var response = await admin.GetAsync("/api/v1/districts.geojson");
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            using var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = collection.RootElement;
            Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
            Assert.Equal(ProvinceMap.Attribution, root.GetProperty("attribution").GetString());
            var features = root.GetProperty("features").EnumerateArray().Select(f => f.Clone()).ToArray();
            Assert.Equal(map.Districts.Select(d => d.Id), features.Select(f => f.GetProperty("id").GetString()));
            Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
            var feature = features.Single(f => f.GetProperty("id").GetString() == district.Id);
            AssertBounds(district.Bounds, feature.GetProperty("geometry"));
            var props = feature.GetProperty("properties");
            Assert.True(props.GetProperty("online").GetInt32() >= 1);
            return props;
        });

        Assert.Equal(district.Name, properties.GetProperty("name").GetString());
        Assert.True(properties.GetProperty("devices").GetInt32() >= properties.GetProperty("online").GetInt32());
        Assert.Equal(0, properties.GetProperty("devicesWithWarnings").GetInt32());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("worstAqi").ValueKind);
    }

    [Fact]
    public async Task The_province_has_its_extent_rollup_and_an_outline_covering_every_district()
    {
        using var admin = factory.CreateAdminClient();
        var map = factory.Map();
        await TwinApi.ProvisionAsync(admin, TwinApi.NewId("province"), "intersection", map.Districts[0].InteriorPoint);

        var root = await EventuallyAsync(async () =>
        {
            using var body = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/province"));
            var province = body.RootElement.Clone();
            Assert.True(province.GetProperty("rollup").GetProperty("devices").GetProperty("total").GetInt32() >= 1);
            return province;
        });

        Assert.Equal(map.Id, root.GetProperty("id").GetString());
        Assert.Equal(map.Name, root.GetProperty("name").GetString());
        var bounds = root.GetProperty("bounds");
        Assert.Equal(map.Bounds.MinLongitude, bounds.GetProperty("minLongitude").GetDouble());
        Assert.Equal(map.Bounds.MaxLatitude, bounds.GetProperty("maxLatitude").GetDouble());
        var geometry = root.GetProperty("geometry");
        Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });

        // The outline is the districts dissolved: its extent is the province's, and it has far fewer rings than districts.
        AssertBounds(map.Bounds, geometry);
        Assert.True(Polygons(geometry).Count() < map.Districts.Count, "the outline dissolves the districts into fewer polygons");
        Assert.Contains("geoBoundaries", root.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    private static void AssertBounds(GeoBounds expected, JsonElement geometry)
    {
        var points = Polygons(geometry).SelectMany(p => p.EnumerateArray()).SelectMany(r => r.EnumerateArray())
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToArray();
        const double Tolerance = 1e-5;
        Assert.Equal(expected.MinLongitude, points.Min(p => p.Lon), Tolerance);
        Assert.Equal(expected.MinLatitude, points.Min(p => p.Lat), Tolerance);
        Assert.Equal(expected.MaxLongitude, points.Max(p => p.Lon), Tolerance);
        Assert.Equal(expected.MaxLatitude, points.Max(p => p.Lat), Tolerance);
    }

    /// <summary>Each polygon's array of rings, whether the geometry is a Polygon or a MultiPolygon.</summary>
    private static IEnumerable<JsonElement> Polygons(JsonElement geometry) =>
        geometry.GetProperty("type").GetString() == "Polygon"
            ? [geometry.GetProperty("coordinates")]
            : geometry.GetProperty("coordinates").EnumerateArray();

    /// <summary>Roll-ups travel one-way from twin to district to province, so a new device shows after a moment.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
