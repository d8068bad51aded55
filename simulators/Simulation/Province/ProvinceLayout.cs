using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>
/// Where a province's devices stand, modelled on what Thái Bình connected to its IOC in 2020: 95 cameras at hospitals,
/// the public-service centre, schools and citizen-reception points, plus air-quality stations, fire-alarm panels,
/// signalised intersections and service counters. Deterministic: the same map always yields the same ids and
/// positions, so a restart re-provisions the same twins instead of creating new ones.
/// </summary>
internal static class ProvinceLayout
{
    // The provincial capital; the IOC, the public-service centre and the big hospitals are there.
    private const string CityDistrictId = "thai-binh";

    public const int DefaultSeed = 2020;

    // About 100 m: cameras of one site stand around its point, not on top of each other.
    private const double SiteSpreadDegrees = 0.001;

    private const int MaxPlacementAttempts = 10_000;

    // The provincial capitals of the provinces that ship; any other map takes the district named like the province.
    private static readonly Dictionary<string, string> Capitals = new(StringComparer.Ordinal)
    {
        ["thai-binh"] = "thai-binh",
        ["bac-ninh"] = "bac-ninh",
        ["hau-giang"] = "vi-thanh",
    };

    // Vehicle registration codes.
    private static readonly Dictionary<string, string> PlateCodes = new(StringComparer.Ordinal)
    {
        ["thai-binh"] = "17",
        ["bac-ninh"] = "99",
        ["hau-giang"] = "95",
    };

    /// <summary>The provincial capital's district: its known capital, else the district named like the province, else the first.</summary>
    public static District City(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return (Capitals.TryGetValue(map.Id, out var id) ? map.FindDistrict(id) : null)
            ?? map.Districts.FirstOrDefault(d => string.Equals(d.Name, map.Name, StringComparison.OrdinalIgnoreCase))
            ?? map.Districts[0];
    }

    /// <summary>The province's number-plate code (e.g. 17 for Thái Bình); 30 (Hà Nội's) for a map it does not know.</summary>
    public static string PlateCode(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return PlateCodes.GetValueOrDefault(map.Id, "30");
    }

    public static IReadOnlyList<SimulatedDevice> Create(ProvinceMap map, DeviceCounts counts, int seed)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (counts != DeviceCounts.For(map))
        {
            throw new NotSupportedException("Only the default device counts are laid out yet.");
        }

        var random = new Random(seed);
        var city = map.FindDistrict(CityDistrictId) ?? map.Districts[0];
        var others = map.Districts.Where(d => d.Id != city.Id).ToArray();
        var devices = new List<SimulatedDevice>();

        var cameraNumber = 0;
        foreach (var site in CameraSites(city, others))
        {
            var district = map.FindDistrict(site.DistrictId)!;
            var centre = RandomPointIn(map, district, random);
            for (var i = 0; i < site.Cameras; i++)
            {
                cameraNumber++;
                var location = i == 0 ? centre : PointNear(map, district, centre, random);
                devices.Add(new SimulatedDevice(
                    $"tb-cam-{cameraNumber:D3}", DeviceKind.Camera, $"Camera {i + 1} – {site.Name}", site.Name, district.Id, location) { SiteKind = site.Kind });
            }
        }

        var stationNumber = 0;
        foreach (var district in map.Districts)
        {
            var stations = district.Id == city.Id ? 3 : 1;
            for (var i = 0; i < stations; i++)
            {
                stationNumber++;
                var site = $"Trạm quan trắc không khí {district.Name} {i + 1}";
                devices.Add(new SimulatedDevice(
                    $"tb-aq-{stationNumber:D2}", DeviceKind.EnvironmentSensor, site, site, district.Id, RandomPointIn(map, district, random)));
            }
        }

        var panelNumber = 0;
        foreach (var district in map.Districts)
        {
            string[] sites = district.Id == city.Id
                ? ["Bệnh viện Đa khoa tỉnh Thái Bình", "Trung tâm Phục vụ hành chính công tỉnh", "Chợ Bo", "Khu công nghiệp Phúc Khánh"]
                : [$"Bệnh viện Đa khoa {district.Name}", $"Chợ trung tâm {district.Name}"];
            foreach (var site in sites)
            {
                panelNumber++;
                devices.Add(new SimulatedDevice(
                    $"tb-fire-{panelNumber:D2}", DeviceKind.FireAlarm, $"Tủ báo cháy – {site}", site, district.Id, RandomPointIn(map, district, random))
                    {
                        SiteKind = site.StartsWith("Bệnh viện", StringComparison.Ordinal) ? SiteKind.Hospital
                            : site.StartsWith("Trung tâm", StringComparison.Ordinal) ? SiteKind.Office : SiteKind.PublicPlace,
                    });
            }
        }

        var intersectionNumber = 0;
        foreach (var district in map.Districts)
        {
            var count = district.Id == city.Id ? 12 : 1;
            for (var i = 0; i < count; i++)
            {
                intersectionNumber++;
                var site = $"Nút giao {district.Name} {i + 1}";
                devices.Add(new SimulatedDevice(
                    $"tb-ix-{intersectionNumber:D2}", DeviceKind.Intersection, site, site, district.Id, RandomPointIn(map, district, random)) { SiteKind = SiteKind.Intersection });
            }
        }

        var counterNumber = 0;
        var serviceCentre = RandomPointIn(map, city, random);
        for (var i = 0; i < 12; i++)
        {
            counterNumber++;
            const string site = "Trung tâm Phục vụ hành chính công tỉnh";
            devices.Add(new SimulatedDevice(
                $"tb-counter-{counterNumber:D2}", DeviceKind.ServiceCounter, $"Quầy {i + 1} – {site}", site, city.Id, PointNear(map, city, serviceCentre, random)) { SiteKind = SiteKind.Office });
        }

        foreach (var district in others)
        {
            counterNumber++;
            var site = $"Bộ phận một cửa {district.Name}";
            devices.Add(new SimulatedDevice(
                $"tb-counter-{counterNumber:D2}", DeviceKind.ServiceCounter, $"Quầy 1 – {site}", site, district.Id, RandomPointIn(map, district, random)) { SiteKind = SiteKind.Office });
        }

        return devices;
    }

    /// <summary>95 cameras, as in Thái Bình's 2020 IOC: hospitals, the public-service centre, schools, citizen reception.</summary>
    private static IEnumerable<DeviceSite> CameraSites(District city, IReadOnlyList<District> others)
    {
        yield return new DeviceSite("Trung tâm Phục vụ hành chính công tỉnh", city.Id, 15, SiteKind.Office);
        yield return new DeviceSite("Ban Tiếp công dân tỉnh", city.Id, 4, SiteKind.Office);
        yield return new DeviceSite("Bệnh viện Đa khoa tỉnh Thái Bình", city.Id, 10, SiteKind.Hospital);
        yield return new DeviceSite("Trường THPT Chuyên Thái Bình", city.Id, 6, SiteKind.School);
        foreach (var district in others)
        {
            yield return new DeviceSite($"Ban Tiếp công dân {district.Name}", district.Id, 1, SiteKind.Office);
            yield return new DeviceSite($"Bệnh viện Đa khoa {district.Name}", district.Id, 3, SiteKind.Hospital);
        }

        foreach (var district in (District[])[city, .. others])
        {
            yield return new DeviceSite($"Trường THPT {district.Name} A", district.Id, 2, SiteKind.School);
            yield return new DeviceSite($"Trường THPT {district.Name} B", district.Id, 2, SiteKind.School);
        }
    }

    private static GeoPoint RandomPointIn(ProvinceMap map, District district, Random random)
    {
        var bounds = district.Bounds;
        for (var attempt = 0; attempt < MaxPlacementAttempts; attempt++)
        {
            var point = Round(new GeoPoint(
                bounds.MinLongitude + (random.NextDouble() * (bounds.MaxLongitude - bounds.MinLongitude)),
                bounds.MinLatitude + (random.NextDouble() * (bounds.MaxLatitude - bounds.MinLatitude))));
            if (map.LocateDistrict(point)?.Id == district.Id)
            {
                return point;
            }
        }

        return district.InteriorPoint;
    }

    private static GeoPoint PointNear(ProvinceMap map, District district, GeoPoint centre, Random random)
    {
        for (var attempt = 0; attempt < MaxPlacementAttempts; attempt++)
        {
            var point = Round(new GeoPoint(
                centre.Longitude + ((random.NextDouble() - 0.5) * 2 * SiteSpreadDegrees),
                centre.Latitude + ((random.NextDouble() - 0.5) * 2 * SiteSpreadDegrees)));
            if (map.LocateDistrict(point)?.Id == district.Id)
            {
                return point;
            }
        }

        return centre;
    }

    // Five decimals (about 1 m), like the boundaries: enough for a map marker, stable in JSON.
    private static GeoPoint Round(GeoPoint point)
        => new(Math.Round(point.Longitude, 5, MidpointRounding.AwayFromZero), Math.Round(point.Latitude, 5, MidpointRounding.AwayFromZero));
}
