using System.Globalization;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>
/// Where a province's devices stand, modelled on what Thái Bình connected to its IOC in 2020: cameras at hospitals,
/// the public-service centre, schools and citizen-reception points, plus air-quality stations, fire-alarm panels,
/// signalised intersections and service counters. Larger counts add intersections, markets, lower-secondary schools,
/// health stations and commune offices, district by district. Deterministic: the same map, counts and seed always
/// yield the same ids and positions, so a restart re-provisions the same twins instead of creating new ones.
/// </summary>
/// <remarks>
/// Ids are <c>{prefix}-{kind}-{number}</c>: the prefix is the initials of the province id (<c>tb</c>, <c>bn</c>,
/// <c>hg</c>), the number is zero-padded to 3 digits for cameras and 2 for the rest, wider when the count needs it.
/// Devices of one site share its point: a site's fire panel stands within about 50 m of its first camera, an
/// intersection's cameras within about 30 m of its controller.
/// </remarks>
internal static class ProvinceLayout
{
    public const int DefaultSeed = 2020;

    private const string ServiceCentre = "Trung tâm Phục vụ hành chính công tỉnh";

    // About 100 m: cameras of one site stand around its point, not on top of each other.
    private const double SiteSpreadDegrees = 0.001;

    // About 40 m: a fire panel is in the building its cameras watch.
    private const double PanelSpreadDegrees = 0.0004;

    // About 30 m: a camera watching an intersection stands at its corner.
    private const double JunctionSpreadDegrees = 0.0003;

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

    // Landmarks the seed articles name; elsewhere the layout names the capital's market and industrial park generically.
    private static readonly Dictionary<string, (string Market, string IndustrialPark)> Landmarks = new(StringComparer.Ordinal)
    {
        ["thai-binh"] = ("Chợ Bo", "Khu công nghiệp Phúc Khánh"),
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

    /// <summary>The initials of the province id: <c>tb</c> for <c>thai-binh</c>.</summary>
    public static string IdPrefix(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var initials = string.Concat(map.Id.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToLowerInvariant(part[0])));
        return initials.Length > 0 ? initials : "p";
    }

    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static IReadOnlyList<SimulatedDevice> Create(ProvinceMap map, DeviceCounts counts, int seed)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(counts));
        }

        var layout = new Layout(map, City(map), IdPrefix(map), new SitePlaces(map, new Random(seed)));
        var devices = new List<SimulatedDevice>(counts.Total);
        layout.Cameras(counts.Cameras, devices);
        layout.EnvironmentSensors(counts.EnvironmentSensors, devices);
        layout.FirePanels(counts.FireAlarms, devices);
        layout.Intersections(counts.Intersections, devices);
        layout.ServiceCounters(counts.ServiceCounters, devices);
        return devices;
    }

    /// <summary>
    /// Splits <paramref name="total"/> over districts by weight (the capital's heavier), largest remainders first and
    /// ties to the earlier district, so Thái Bình's defaults come out exactly as its IOC has them.
    /// </summary>
    private static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e + 1e-9)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }

    private static string Number(int number, int count, int minimumWidth)
    {
        var width = Math.Max(minimumWidth, count.ToString(CultureInfo.InvariantCulture).Length);
        return number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    private sealed class Layout(ProvinceMap map, District city, string prefix, SitePlaces places)
    {
        private readonly District[] others = [.. map.Districts.Where(d => d.Id != city.Id)];

        private readonly (string Market, string IndustrialPark) landmarks =
            Landmarks.GetValueOrDefault(map.Id, ($"Chợ trung tâm {city.Name}", $"Khu công nghiệp {city.Name}"));

        public void Cameras(int count, List<SimulatedDevice> devices)
        {
            var number = 0;
            foreach (var site in CameraSites())
            {
                if (number == count)
                {
                    return;
                }

                var district = map.FindDistrict(site.DistrictId)!;
                var centre = places.Centre(district, site.Name);
                var spread = site.Kind == SiteKind.Intersection ? JunctionSpreadDegrees : SiteSpreadDegrees;
                for (var i = 0; i < site.Cameras && number < count; i++)
                {
                    number++;
                    var location = i == 0 ? centre : places.Near(district, centre, spread);
                    devices.Add(new SimulatedDevice(
                        $"{prefix}-cam-{Number(number, count, 3)}", DeviceKind.Camera, $"Camera {i + 1} – {site.Name}", site.Name, district.Id, location)
                    {
                        SiteKind = site.Kind,
                    });
                }
            }
        }

        public void EnvironmentSensors(int count, List<SimulatedDevice> devices)
        {
            var shares = Apportion(count, [.. map.Districts.Select(d => d.Id == city.Id ? 3.0 : 1.0)]);
            var number = 0;
            for (var d = 0; d < shares.Length; d++)
            {
                var district = map.Districts[d];
                for (var i = 0; i < shares[d]; i++)
                {
                    number++;
                    var site = $"Trạm quan trắc không khí {district.Name} {i + 1}";
                    devices.Add(new SimulatedDevice(
                        $"{prefix}-aq-{Number(number, count, 2)}", DeviceKind.EnvironmentSensor, site, site, district.Id, places.Centre(district, site)));
                }
            }
        }

        public void FirePanels(int count, List<SimulatedDevice> devices)
        {
            var shares = Apportion(count, [.. map.Districts.Select(d => d.Id == city.Id ? 4.0 : 2.0)]);
            var number = 0;
            for (var d = 0; d < shares.Length; d++)
            {
                var district = map.Districts[d];
                foreach (var (site, kind) in FirePanelSites(district).Take(shares[d]))
                {
                    number++;
                    devices.Add(new SimulatedDevice(
                        $"{prefix}-fire-{Number(number, count, 2)}", DeviceKind.FireAlarm, $"Tủ báo cháy – {site}", site, district.Id,
                        places.Near(district, places.Centre(district, site), PanelSpreadDegrees))
                    {
                        SiteKind = kind,
                    });
                }
            }
        }

        public void Intersections(int count, List<SimulatedDevice> devices)
        {
            var shares = Apportion(count, [.. map.Districts.Select(d => d.Id == city.Id ? 12.0 : 1.0)]);
            var number = 0;
            for (var d = 0; d < shares.Length; d++)
            {
                var district = map.Districts[d];
                for (var i = 0; i < shares[d]; i++)
                {
                    number++;
                    var site = Junction(district, i + 1);
                    devices.Add(new SimulatedDevice(
                        $"{prefix}-ix-{Number(number, count, 2)}", DeviceKind.Intersection, site, site, district.Id, places.Centre(district, site))
                    {
                        SiteKind = SiteKind.Intersection,
                    });
                }
            }
        }

        /// <summary>The public-service centre's counters first, then each district's one-stop office.</summary>
        public void ServiceCounters(int count, List<SimulatedDevice> devices)
        {
            District[] ordered = [city, .. others];
            var shares = Apportion(count, [.. ordered.Select(d => d.Id == city.Id ? 12.0 : 1.0)]);
            var number = 0;
            for (var d = 0; d < ordered.Length; d++)
            {
                var district = ordered[d];
                var site = district.Id == city.Id ? ServiceCentre : $"Bộ phận một cửa {district.Name}";
                var centre = places.Centre(district, site);
                for (var i = 0; i < shares[d]; i++)
                {
                    number++;
                    devices.Add(new SimulatedDevice(
                        $"{prefix}-counter-{Number(number, count, 2)}", DeviceKind.ServiceCounter, $"Quầy {i + 1} – {site}", site, district.Id,
                        i == 0 ? centre : places.Near(district, centre, SiteSpreadDegrees))
                    {
                        SiteKind = SiteKind.Office,
                    });
                }
            }
        }

        private static string Junction(District district, int number) => $"Nút giao {district.Name} {number}";

        /// <summary>
        /// The seeds' 95 sites (hospitals, the public-service centre, schools, citizen reception), then, round after
        /// round over the districts, intersections, markets, lower-secondary schools, health stations and commune offices.
        /// </summary>
        private IEnumerable<DeviceSite> CameraSites()
        {
            yield return new DeviceSite(ServiceCentre, city.Id, 15, SiteKind.Office);
            yield return new DeviceSite("Ban Tiếp công dân tỉnh", city.Id, 4, SiteKind.Office);
            yield return new DeviceSite($"Bệnh viện Đa khoa tỉnh {map.Name}", city.Id, 10, SiteKind.Hospital);
            yield return new DeviceSite($"Trường THPT Chuyên {map.Name}", city.Id, 6, SiteKind.School);
            foreach (var district in others)
            {
                yield return new DeviceSite($"Ban Tiếp công dân {district.Name}", district.Id, 1, SiteKind.Office);
                yield return new DeviceSite($"Bệnh viện Đa khoa {district.Name}", district.Id, 3, SiteKind.Hospital);
            }

            District[] all = [city, .. others];
            foreach (var district in all)
            {
                yield return new DeviceSite($"Trường THPT {district.Name} A", district.Id, 2, SiteKind.School);
                yield return new DeviceSite($"Trường THPT {district.Name} B", district.Id, 2, SiteKind.School);
            }

            for (var round = 1; ; round++)
            {
                foreach (var district in all)
                {
                    yield return new DeviceSite(Junction(district, round), district.Id, 2, SiteKind.Intersection);
                    yield return new DeviceSite(Market(district, round), district.Id, 2, SiteKind.PublicPlace);
                    yield return new DeviceSite(LowerSchool(district, round), district.Id, 2, SiteKind.School);
                    yield return new DeviceSite(HealthStation(district, round), district.Id, 1, SiteKind.Hospital);
                    yield return new DeviceSite(CommuneOffice(district, round), district.Id, 1, SiteKind.Office);
                }
            }
        }

        /// <summary>Public buildings of a district in the order they get a fire-alarm panel.</summary>
        private IEnumerable<(string Site, SiteKind Kind)> FirePanelSites(District district)
        {
            if (district.Id == city.Id)
            {
                yield return ($"Bệnh viện Đa khoa tỉnh {map.Name}", SiteKind.Hospital);
                yield return (ServiceCentre, SiteKind.Office);
                yield return (landmarks.Market, SiteKind.PublicPlace);
                yield return (landmarks.IndustrialPark, SiteKind.PublicPlace);
            }
            else
            {
                yield return ($"Bệnh viện Đa khoa {district.Name}", SiteKind.Hospital);
                yield return ($"Chợ trung tâm {district.Name}", SiteKind.PublicPlace);
            }

            yield return ($"Trường THPT {district.Name} A", SiteKind.School);
            yield return ($"Trường THPT {district.Name} B", SiteKind.School);
            for (var round = 1; ; round++)
            {
                yield return (LowerSchool(district, round), SiteKind.School);
                yield return (HealthStation(district, round), SiteKind.Hospital);
                yield return (Market(district, round), SiteKind.PublicPlace);
                yield return (CommuneOffice(district, round), SiteKind.Office);
            }
        }

        private static string Market(District district, int number) => $"Chợ {district.Name} {number}";

        private static string LowerSchool(District district, int number) => $"Trường THCS {district.Name} {number}";

        private static string HealthStation(District district, int number) => $"Trạm y tế {district.Name} {number}";

        private static string CommuneOffice(District district, int number) => $"UBND xã {number} – {district.Name}";
    }
}
