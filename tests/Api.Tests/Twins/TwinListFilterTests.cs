using System.Globalization;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>GET /api/v1/twins: each filter selects exactly the twins it describes.</summary>
public sealed class TwinListFilterTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Kind_selects_twins_of_that_kind_only()
    {
        using var admin = factory.CreateAdminClient();
        var at = factory.Map().Districts[0].InteriorPoint;
        var camera = TwinApi.NewId("kind-cam");
        var sensor = TwinApi.NewId("kind-env");
        await TwinApi.ProvisionAsync(admin, camera, "camera", at);
        await TwinApi.ProvisionAsync(admin, sensor, "environment-sensor", at);

        var cameras = await TwinApi.ListAllAsync(admin, "?kind=camera&limit=1000");

        Assert.Contains(cameras, t => t.GetProperty("id").GetString() == camera);
        Assert.DoesNotContain(cameras, t => t.GetProperty("id").GetString() == sensor);
        Assert.All(cameras, t => Assert.Equal("camera", t.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task District_selects_twins_located_in_that_district_only()
    {
        using var admin = factory.CreateAdminClient();
        var map = factory.Map();
        var (first, second) = (map.Districts[0], map.Districts[1]);
        var inFirst = TwinApi.NewId("district-a");
        var inSecond = TwinApi.NewId("district-b");
        await TwinApi.ProvisionAsync(admin, inFirst, "fire-alarm", first.InteriorPoint);
        await TwinApi.ProvisionAsync(admin, inSecond, "fire-alarm", second.InteriorPoint);

        var listed = await TwinApi.ListAllAsync(admin, $"?district={first.Id}");

        Assert.Contains(listed, t => t.GetProperty("id").GetString() == inFirst);
        Assert.DoesNotContain(listed, t => t.GetProperty("id").GetString() == inSecond);
        Assert.All(listed, t => Assert.Equal(first.Id, t.GetProperty("districtId").GetString()));
    }

    [Fact]
    public async Task Status_selects_online_offline_or_never_heard_from()
    {
        using var admin = factory.CreateAdminClient();
        var at = factory.Map().Districts[0].InteriorPoint;
        var online = TwinApi.NewId("status-on");
        var offline = TwinApi.NewId("status-off");
        var silent = TwinApi.NewId("status-unknown");
        foreach (var id in new[] { online, offline, silent })
        {
            await TwinApi.ProvisionAsync(admin, id, "intersection", at);
        }

        await factory.ReportStatusAsync("intersection", online, DeviceStatus.Online);
        await factory.ReportStatusAsync("intersection", offline, DeviceStatus.Online);
        await factory.ReportStatusAsync("intersection", offline, DeviceStatus.Offline);

        var onlineIds = await TwinApi.ListIdsAsync(admin, "?status=online&kind=intersection");
        var offlineIds = await TwinApi.ListIdsAsync(admin, "?status=offline&kind=intersection");
        var unknownIds = await TwinApi.ListIdsAsync(admin, "?status=unknown&kind=intersection");

        Assert.Contains(online, onlineIds);
        Assert.DoesNotContain(offline, onlineIds);
        Assert.DoesNotContain(silent, onlineIds);
        Assert.Contains(offline, offlineIds);
        Assert.DoesNotContain(online, offlineIds);
        Assert.Contains(silent, unknownIds);
        Assert.DoesNotContain(online, unknownIds);
    }

    [Fact]
    public async Task Metric_conditions_compare_the_latest_value_and_all_must_hold()
    {
        using var admin = factory.CreateAdminClient();
        var at = factory.Map().Districts[0].InteriorPoint;
        var polluted = TwinApi.NewId("metric-hot");
        var clean = TwinApi.NewId("metric-clean");
        var pollutedButCold = TwinApi.NewId("metric-cold");
        var noReading = TwinApi.NewId("metric-none");
        foreach (var id in new[] { polluted, clean, pollutedButCold, noReading })
        {
            await TwinApi.ProvisionAsync(admin, id, "environment-sensor", at);
        }

        await factory.ReportAsync("environment-sensor", polluted, ("pm2_5", 80.5), ("temperature", 31));
        await factory.ReportAsync("environment-sensor", clean, ("pm2_5", 12), ("temperature", 31));
        await factory.ReportAsync("environment-sensor", pollutedButCold, ("pm2_5", 90), ("temperature", 18));

        var above50 = await TwinApi.ListIdsAsync(admin, "?metric=pm2_5:gt:50");
        Assert.Contains(polluted, above50);
        Assert.Contains(pollutedButCold, above50);
        Assert.DoesNotContain(clean, above50);
        Assert.DoesNotContain(noReading, above50);

        var aboveAndWarm = await TwinApi.ListIdsAsync(admin, "?metric=pm2_5:gte:80.5&metric=temperature:gt:25");
        Assert.Contains(polluted, aboveAndWarm);
        Assert.DoesNotContain(pollutedButCold, aboveAndWarm);
        Assert.DoesNotContain(clean, aboveAndWarm);

        var exactly12 = await TwinApi.ListIdsAsync(admin, "?metric=pm2_5:eq:12");
        Assert.Contains(clean, exactly12);
        Assert.DoesNotContain(polluted, exactly12);

        var below = await TwinApi.ListIdsAsync(admin, "?metric=pm2_5:lt:80.5");
        Assert.Contains(clean, below);
        Assert.DoesNotContain(polluted, below);
        var atMost = await TwinApi.ListIdsAsync(admin, "?metric=pm2_5:lte:80.5");
        Assert.Contains(polluted, atMost);
    }

    [Fact]
    public async Task Bbox_selects_twins_inside_the_box_including_its_edges()
    {
        using var admin = factory.CreateAdminClient();
        var center = factory.Map().Districts[2].InteriorPoint;
        var inside = TwinApi.NewId("bbox-in");
        var onEdge = TwinApi.NewId("bbox-edge");
        var outside = TwinApi.NewId("bbox-out");
        await TwinApi.ProvisionAsync(admin, inside, "camera", center);
        await TwinApi.ProvisionAsync(admin, onEdge, "camera", new GeoPoint(center.Longitude + 0.01, center.Latitude));
        await TwinApi.ProvisionAsync(admin, outside, "camera", new GeoPoint(center.Longitude + 0.02, center.Latitude));
        var box = new GeoBounds(center.Longitude - 0.01, center.Latitude - 0.01, center.Longitude + 0.01, center.Latitude + 0.01);

        var listed = await TwinApi.ListAllAsync(
            admin, string.Create(Invariant, $"?bbox={box.MinLongitude},{box.MinLatitude},{box.MaxLongitude},{box.MaxLatitude}"));

        var ids = listed.Select(t => t.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(inside, ids);
        Assert.Contains(onEdge, ids);
        Assert.DoesNotContain(outside, ids);
        Assert.All(listed, t =>
        {
            var location = t.GetProperty("location");
            Assert.True(box.Contains(new GeoPoint(location.GetProperty("longitude").GetDouble(), location.GetProperty("latitude").GetDouble())));
        });
    }

    [Fact]
    public async Task Near_selects_twins_within_the_radius_in_meters()
    {
        using var admin = factory.CreateAdminClient();
        var fire = factory.Map().Districts[3].InteriorPoint;
        var close = TwinApi.NewId("near-800m");
        var far = TwinApi.NewId("near-1200m");
        await TwinApi.ProvisionAsync(admin, close, "fire-alarm", TwinApi.East(fire, 800));
        await TwinApi.ProvisionAsync(admin, far, "fire-alarm", TwinApi.East(fire, 1200));

        var within1km = await TwinApi.ListIdsAsync(admin, string.Create(Invariant, $"?near={fire.Longitude},{fire.Latitude},1000"));
        var within2km = await TwinApi.ListIdsAsync(admin, string.Create(Invariant, $"?near={fire.Longitude},{fire.Latitude},2000"));

        Assert.Contains(close, within1km);
        Assert.DoesNotContain(far, within1km);
        Assert.Contains(far, within2km);
    }

    [Fact]
    public async Task Filters_combine_and_an_empty_result_is_a_last_page()
    {
        using var admin = factory.CreateAdminClient();
        var at = factory.Map().Districts[0].InteriorPoint;
        var camera = TwinApi.NewId("combo-cam");
        await TwinApi.ProvisionAsync(admin, camera, "camera", at);

        var cameraHere = await TwinApi.ListIdsAsync(admin, string.Create(Invariant, $"?kind=camera&near={at.Longitude},{at.Latitude},10"));
        var sensorHere = await TwinApi.ListAllAsync(admin, string.Create(Invariant, $"?kind=service-counter&near={at.Longitude},{at.Latitude},10&metric=queue_length:gt:1000"));

        Assert.Contains(camera, cameraHere);
        Assert.Empty(sensorHere);
    }
}
