using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Tests.Province;

public sealed class ProvinceLayoutTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);

    [Fact]
    public void Has_the_95_cameras_of_the_seeds_and_every_other_kind()
    {
        var devices = SimulatedProvince.Create(Map).Devices;

        Assert.Equal(95, devices.Count(d => d.Kind == DeviceKind.Camera));
        Assert.All(Enum.GetValues<DeviceKind>(), kind => Assert.Contains(devices, d => d.Kind == kind));
        Assert.InRange(devices.Count, 100, 250);
    }

    [Fact]
    public void Thai_Binh_keeps_the_161_device_ids_of_its_IOC()
    {
        var devices = SimulatedProvince.Create(Map).Devices;

        IEnumerable<string> expected =
        [
            .. Enumerable.Range(1, 95).Select(n => $"tb-cam-{n:D3}"),
            .. Enumerable.Range(1, 10).Select(n => $"tb-aq-{n:D2}"),
            .. Enumerable.Range(1, 18).Select(n => $"tb-fire-{n:D2}"),
            .. Enumerable.Range(1, 19).Select(n => $"tb-ix-{n:D2}"),
            .. Enumerable.Range(1, 19).Select(n => $"tb-counter-{n:D2}"),
        ];
        Assert.Equal(expected, devices.Select(d => d.Id));
        Assert.Equal("Trung tâm Phục vụ hành chính công tỉnh", devices[0].Site);
        Assert.Contains(devices, d => d.Kind == DeviceKind.FireAlarm && d.Site == "Bệnh viện Đa khoa tỉnh Thái Bình" && d.DistrictId == "thai-binh");
        Assert.All(devices.Where(d => d.Id.StartsWith("tb-counter-", StringComparison.Ordinal)).Take(12), d => Assert.Equal("thai-binh", d.DistrictId));
    }

    [Fact]
    public void Every_device_lies_inside_its_district()
    {
        foreach (var device in SimulatedProvince.Create(Map).Devices)
        {
            Assert.Equal(device.DistrictId, Map.LocateDistrict(device.Location)?.Id);
        }
    }

    [Fact]
    public void Every_district_has_devices()
    {
        var devices = SimulatedProvince.Create(Map).Devices;

        Assert.All(Map.Districts, district => Assert.Contains(devices, d => d.DistrictId == district.Id));
    }

    [Fact]
    public void Is_deterministic_with_unique_ids()
    {
        var first = SimulatedProvince.Create(Map).Devices;
        var second = SimulatedProvince.Create(Map).Devices;

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Another_seed_moves_the_devices_but_keeps_their_ids()
    {
        var first = SimulatedProvince.Create(Map, seed: 1).Devices;
        var second = SimulatedProvince.Create(Map, seed: 2).Devices;

        Assert.Equal(first.Select(d => d.Id), second.Select(d => d.Id));
        Assert.NotEqual(first.Select(d => d.Location), second.Select(d => d.Location));
    }

    [Fact]
    public void Fire_panels_at_hospitals_and_the_service_centre_stand_within_100_m_of_a_camera_of_their_site()
    {
        var devices = SimulatedProvince.Create(Map).Devices;
        var panels = devices.Where(d => d.Kind == DeviceKind.FireAlarm && d.SiteKind is SiteKind.Hospital or SiteKind.Office).ToList();

        Assert.True(panels.Count >= 8, $"{panels.Count} panels at hospitals and the service centre");
        Assert.All(panels, panel => Assert.Contains(
            devices,
            camera => camera.Kind == DeviceKind.Camera && camera.Site == panel.Site && Metres(camera.Location, panel.Location) <= 100));
    }

    [Theory]
    [InlineData("bac-ninh", "bn-", 300)]
    [InlineData("hau-giang", "hg-", 60)]
    public void Other_provinces_have_their_own_prefix_and_mix(string provinceId, string prefix, int cameras)
    {
        var map = ProvinceMap.Load(provinceId);
        var devices = SimulatedProvince.Create(map).Devices;

        Assert.Equal(cameras, devices.Count(d => d.Kind == DeviceKind.Camera));
        Assert.All(devices, d => Assert.StartsWith(prefix, d.Id, StringComparison.Ordinal));
        Assert.All(devices, d => Assert.Equal(d.DistrictId, map.LocateDistrict(d.Location)?.Id));
        Assert.All(map.Districts, district => Assert.Contains(devices, d => d.DistrictId == district.Id));
        Assert.Equal(devices.Count, devices.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Bac_Ninh_watches_its_major_intersections_with_cameras_and_has_more_of_them_than_Thai_Binh()
    {
        var bacNinh = SimulatedProvince.Create(ProvinceMap.Load("bac-ninh")).Devices;
        var thaiBinh = SimulatedProvince.Create(Map).Devices;

        Assert.True(bacNinh.Count(d => d.Kind == DeviceKind.Intersection) > thaiBinh.Count(d => d.Kind == DeviceKind.Intersection));
        var junctionCameras = bacNinh.Where(d => d.Kind == DeviceKind.Camera && d.SiteKind == SiteKind.Intersection).ToList();
        Assert.NotEmpty(junctionCameras);
        Assert.All(junctionCameras.Where(c => bacNinh.Any(i => i.Kind == DeviceKind.Intersection && i.Site == c.Site)), camera =>
            Assert.Contains(bacNinh, i => i.Kind == DeviceKind.Intersection && i.Site == camera.Site && Metres(i.Location, camera.Location) <= 60));
    }

    [Fact]
    public void The_capital_of_Hau_Giang_is_Vi_Thanh_and_a_custom_map_takes_its_first_district()
    {
        Assert.Equal("vi-thanh", ProvinceLayout.City(ProvinceMap.Load("hau-giang")).Id);
        Assert.Equal("thai-binh", ProvinceLayout.City(Map).Id);
    }

    [Fact]
    public void Any_counts_are_laid_out_with_ids_as_wide_as_the_count_needs()
    {
        var counts = new DeviceCounts(Cameras: 1234, EnvironmentSensors: 0, FireAlarms: 3, Intersections: 150, ServiceCounters: 1);

        var devices = SimulatedProvince.Create(Map, counts).Devices;

        Assert.Equal(counts.Total, devices.Count);
        Assert.Contains(devices, d => d.Id == "tb-cam-0001");
        Assert.Contains(devices, d => d.Id == "tb-cam-1234");
        Assert.Contains(devices, d => d.Id == "tb-ix-150");
        Assert.Contains(devices, d => d.Id == "tb-counter-01");
        Assert.DoesNotContain(devices, d => d.Kind == DeviceKind.EnvironmentSensor);
        Assert.All(devices, d => Assert.Equal(d.DistrictId, Map.LocateDistrict(d.Location)?.Id));
    }

    [Fact]
    public void Negative_counts_are_refused_with_the_kind_named()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatedProvince.Create(Map, new DeviceCounts(1, 1, -2, 1, 1)));

        Assert.Contains("fire-alarm panels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_keeps_the_default_proportions_and_the_exact_total()
    {
        var defaults = DeviceCounts.For(Map);

        var scaled = defaults.ScaledTo(100_000);

        Assert.Equal(100_000, scaled.Total);
        Assert.All(Enum.GetValues<DeviceKind>(), kind =>
            Assert.InRange((double)scaled.Of(kind) / scaled.Total, ((double)defaults.Of(kind) / defaults.Total) - 0.001, ((double)defaults.Of(kind) / defaults.Total) + 0.001));
        Assert.Equal(7, defaults.ScaledTo(7).Total);
    }

    [Fact]
    public void A_hundred_thousand_devices_are_laid_out_inside_their_districts()
    {
        var counts = DeviceCounts.For(Map).ScaledTo(100_000);

        var devices = SimulatedProvince.Create(Map, counts).Devices;

        Assert.Equal(100_000, devices.Count);
        Assert.Equal(100_000, devices.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<DeviceKind>(), kind => Assert.Equal(counts.Of(kind), devices.Count(d => d.Kind == kind)));
        Assert.All(devices.Where((_, i) => i % 97 == 0), d => Assert.Equal(d.DistrictId, Map.LocateDistrict(d.Location)?.Id));
        Assert.All(Map.Districts, district => Assert.True(devices.Count(d => d.DistrictId == district.Id) > 1_000, district.Id));
    }

    [Fact]
    public void A_custom_map_of_one_district_gets_every_kind()
    {
        using var stream = new MemoryStream("""
            {"type": "FeatureCollection", "features": [{"type": "Feature",
              "properties": {"id": "thu-nghiem", "name": "Thử Nghiệm", "province": "Tỉnh Thử"},
              "geometry": {"type": "Polygon", "coordinates": [[[106.0, 20.0], [106.1, 20.0], [106.1, 20.1], [106.0, 20.1], [106.0, 20.0]]]}}]}
            """u8.ToArray());
        var map = ProvinceMap.FromGeoJson("tinh-thu", stream);

        var devices = SimulatedProvince.Create(map).Devices;

        Assert.All(Enum.GetValues<DeviceKind>(), kind => Assert.Contains(devices, d => d.Kind == kind));
        Assert.All(devices, d => Assert.StartsWith("tt-", d.Id, StringComparison.Ordinal));
        Assert.All(devices, d => Assert.Equal("thu-nghiem", map.LocateDistrict(d.Location)?.Id));
    }

    private static double Metres(GeoPoint a, GeoPoint b)
    {
        const double EarthRadius = 6_371_000;
        var dLat = double.DegreesToRadians(b.Latitude - a.Latitude);
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude) * Math.Cos(double.DegreesToRadians((a.Latitude + b.Latitude) / 2));
        return EarthRadius * Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }
}
