using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Grains.Tests.Twins;

public sealed class RollupTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load("thai-binh");
    private static readonly string[] Warnings = [WarningTypes.Intrusion, WarningTypes.Tamper, WarningTypes.Fire, WarningTypes.QueueOverload];

    [Fact]
    public async Task District_and_province_rollups_match_an_independent_count_after_10000_telemetry_updates_across_all_districts()
    {
        // The model counts the warnings this test raises and clears; the twins' own detectors (offline on an offline
        // report, fire from random temperatures…) are tested with the warnings and would only blur the arithmetic.
        await using var cluster = await InProcessTestCluster.CreateBuilder()
            .ConfigureServices(services => services.AddTwinGrains().Configure<WarningOptions>(o => o.Enabled = false))
            .StartAsync();
        var random = new Random(20260105);
        var clock = cluster.TimeProvider;
        var devices = new List<ModelDevice>();
        foreach (var district in Map.Districts)
        {
            foreach (var kind in Enum.GetValues<DeviceKind>())
            {
                for (var i = 0; i < 3; i++)
                {
                    devices.Add(new ModelDevice(kind, $"{district.Id}-{kind}-{i}".ToLowerInvariant(), district.Id, RandomPointIn(district, random))
                    {
                        Pm25 = kind == DeviceKind.EnvironmentSensor ? Math.Round(random.NextDouble() * 300, 1) : 0,
                    });
                }
            }
        }

        foreach (var device in devices)
        {
            var snapshot = await Twin(cluster.GrainFactory, device).Provision(new DeviceProvisioning(device.Id, device.Location));
            Assert.Equal(device.DistrictId, snapshot.DistrictId);
        }

        // An hour of PM2.5 before the run, so every sensor has a NowCast (it needs two of the last three hours).
        foreach (var sensor in devices.Where(d => d.Kind == DeviceKind.EnvironmentSensor))
        {
            await Twin(cluster.GrainFactory, sensor).ReportTelemetry(TelemetryBatch.Of(clock.GetUtcNow().AddHours(-1), (PollutantMetrics.Pm25, sensor.Pm25)));
            sensor.Liveness = DeviceLiveness.Online;
        }

        for (var update = 0; update < 10_000; update++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            var device = devices[random.Next(devices.Count)];
            var twin = Twin(cluster.GrainFactory, device);
            var now = clock.GetUtcNow();
            var metric = device.Kind == DeviceKind.EnvironmentSensor ? PollutantMetrics.Pm25 : "value";
            var value = device.Kind == DeviceKind.EnvironmentSensor ? device.Pm25 : random.NextDouble();
            await twin.ReportTelemetry(TelemetryBatch.Of(now, (metric, value), ("temperature", 20 + (random.NextDouble() * 15))));
            device.Liveness = DeviceLiveness.Online;

            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                var status = random.Next(2) == 0 ? DeviceStatus.Offline : DeviceStatus.Online;
                await twin.ReportStatus(status, now);
                device.Liveness = status == DeviceStatus.Offline ? DeviceLiveness.Offline : DeviceLiveness.Online;
            }
            else if (roll < 0.08)
            {
                var warning = Warnings[random.Next(Warnings.Length)];
                if (random.Next(2) == 0)
                {
                    await twin.RaiseWarning(warning);
                    device.Warnings.Add(warning);
                }
                else
                {
                    await twin.ClearWarning(warning);
                    device.Warnings.Remove(warning);
                }
            }
            else if (roll < 0.085)
            {
                var target = Map.Districts[random.Next(Map.Districts.Count)];
                device.DistrictId = target.Id;
                device.Location = RandomPointIn(target, random);
                await twin.Provision(new DeviceProvisioning(device.Id, device.Location));
            }
        }

        foreach (var district in Map.Districts)
        {
            var expected = Expected(district.Id, devices.Where(d => d.DistrictId == district.Id));
            var actual = await Eventually.Until(cluster.GrainFactory.GetGrain<IDistrictTwin>(district.Id).GetRollup, r => Matches(expected, r));
            AssertRollup(expected, actual);
        }

        var province = cluster.GrainFactory.GetGrain<IProvinceTwin>("thai-binh");
        var expectedProvince = Expected("thai-binh", devices);
        var actualProvince = await Eventually.Until(province.GetRollup, r => Matches(expectedProvince, r));
        AssertRollup(expectedProvince, actualProvince);
        Assert.Equal(devices.Count, actualProvince.Devices.Total);
        Assert.Equal(Map.Districts.Select(d => d.Id), (await province.GetDistrictRollups()).Select(r => r.AreaId));
    }

    [Fact]
    public async Task The_district_shows_the_worst_air_quality_and_the_sensor_reporting_it()
    {
        await using var cluster = await TwinCluster.StartAsync();
        var clock = cluster.TimeProvider;
        var clean = cluster.GrainFactory.GetGrain<Devices.EnvironmentSensors.IEnvironmentSensorTwin>("env-clean");
        var dirty = cluster.GrainFactory.GetGrain<Devices.EnvironmentSensors.IEnvironmentSensorTwin>("env-dirty");
        await clean.Provision(new DeviceProvisioning("Trạm công viên", Places.ThaiBinhCity));
        await dirty.Provision(new DeviceProvisioning("Trạm khu công nghiệp", Places.ThaiBinhCity));

        foreach (var hoursAgo in new[] { 2, 1, 0 })
        {
            var at = clock.GetUtcNow().AddHours(-hoursAgo);
            await clean.ReportTelemetry(TelemetryBatch.Of(at, (PollutantMetrics.Pm25, 12.5)));
            await dirty.ReportTelemetry(TelemetryBatch.Of(at, (PollutantMetrics.Pm25, 65), (PollutantMetrics.O3, 100)));
        }

        var aqi = await dirty.GetAirQuality();
        Assert.NotNull(aqi);
        Assert.Equal(125, aqi.Value);
        Assert.Equal(AirQualityBand.UnhealthyForSensitiveGroups, aqi.Band);
        Assert.Equal(AirPollutant.Pm25, aqi.DominantPollutant);
        Assert.Equal(25, (await clean.GetAirQuality())!.Value);

        var district = cluster.GrainFactory.GetGrain<IDistrictTwin>("thai-binh");
        var rollup = await Eventually.Until(district.GetRollup, r => r.WorstAirQuality?.DeviceId == "env-dirty");
        Assert.Equal(125, rollup.WorstAirQuality!.Index);

        // Three clean hours bring the dirty station's NowCast below the clean one's: the worst moves to the other sensor.
        for (var hour = 0; hour < 3; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await dirty.ReportTelemetry(TelemetryBatch.Of(clock.GetUtcNow(), (PollutantMetrics.Pm25, 1)));
        }

        Assert.Equal(16, (await dirty.GetAirQuality())!.Value);
        rollup = await Eventually.Until(district.GetRollup, r => r.WorstAirQuality?.DeviceId == "env-clean");
        Assert.Equal("env-clean", rollup.WorstAirQuality!.DeviceId);

        var province = await Eventually.Until(
            cluster.GrainFactory.GetGrain<IProvinceTwin>("thai-binh").GetRollup, r => r.WorstAirQuality?.DeviceId == "env-clean");
        Assert.Equal("thai-binh", province.WorstAirQuality!.DistrictId);
    }

    [Fact]
    public async Task District_twins_describe_their_district()
    {
        await using var cluster = await TwinCluster.StartAsync();

        var info = await cluster.GrainFactory.GetGrain<IDistrictTwin>("tien-hai").GetInfo();
        var province = await cluster.GrainFactory.GetGrain<IProvinceTwin>("thai-binh").GetInfo();

        Assert.Equal("Tiền Hải", info.Name);
        Assert.Equal("thai-binh", info.ProvinceId);
        Assert.Equal("Thái Bình", info.ProvinceName);
        Assert.True(info.Bounds.Contains(info.InteriorPoint));
        Assert.Contains("\"Polygon\"", info.GeometryGeoJson);
        Assert.Equal(8, province.Districts.Count);
        Assert.Equal(ProvinceMap.Attribution, province.Attribution);
    }

    private static IDeviceTwin Twin(IGrainFactory factory, ModelDevice device) => factory.GetDeviceTwin(device.Kind, device.Id);

    private static GeoPoint RandomPointIn(District district, Random random)
    {
        while (true)
        {
            var point = new GeoPoint(
                district.Bounds.MinLongitude + (random.NextDouble() * (district.Bounds.MaxLongitude - district.Bounds.MinLongitude)),
                district.Bounds.MinLatitude + (random.NextDouble() * (district.Bounds.MaxLatitude - district.Bounds.MinLatitude)));
            if (district.Geometry.Contains(district.Geometry.Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude))))
            {
                return point;
            }
        }
    }

    private static ExpectedRollup Expected(string areaId, IEnumerable<ModelDevice> devices)
    {
        var list = devices.ToList();
        var byKind = Enum.GetValues<DeviceKind>().ToDictionary(
            k => k,
            k => new LivenessCounts(
                list.Count(d => d.Kind == k && d.Liveness == DeviceLiveness.Online),
                list.Count(d => d.Kind == k && d.Liveness == DeviceLiveness.Offline),
                list.Count(d => d.Kind == k && d.Liveness == DeviceLiveness.Unknown)));
        var warnings = list.SelectMany(d => d.Warnings).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var worst = list.Where(d => d.Kind == DeviceKind.EnvironmentSensor)
            .OrderByDescending(d => VnAqi.SubIndex(AirPollutant.Pm25, d.Pm25))
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return new ExpectedRollup(areaId, byKind, warnings, list.Count(d => d.Warnings.Count > 0), worst?.Id, worst is null ? null : VnAqi.SubIndex(AirPollutant.Pm25, worst.Pm25));
    }

    private static bool Matches(ExpectedRollup expected, AreaRollup actual) =>
        expected.DevicesByKind.All(p => actual.DevicesByKind.GetValueOrDefault(p.Key) == p.Value)
        && expected.Warnings.Count == actual.ActiveWarningsByType.Count
        && expected.Warnings.All(p => actual.ActiveWarningsByType.GetValueOrDefault(p.Key) == p.Value)
        && expected.DevicesWithWarnings == actual.DevicesWithWarnings
        && expected.WorstDeviceId == actual.WorstAirQuality?.DeviceId
        && expected.WorstIndex == actual.WorstAirQuality?.Index;

    private static void AssertRollup(ExpectedRollup expected, AreaRollup actual)
    {
        Assert.Equal(expected.AreaId, actual.AreaId);
        Assert.Equal(expected.DevicesByKind, actual.DevicesByKind);
        Assert.Equal(expected.DevicesByKind.Values.Aggregate(default(LivenessCounts), (a, b) => a + b), actual.Devices);
        Assert.Equal(expected.Warnings, actual.ActiveWarningsByType);
        Assert.Equal(expected.DevicesWithWarnings, actual.DevicesWithWarnings);
        Assert.Equal(expected.WorstDeviceId, actual.WorstAirQuality?.DeviceId);
        Assert.Equal(expected.WorstIndex, actual.WorstAirQuality?.Index);
        Assert.NotNull(actual.LastUpdated);
    }

    private sealed record ExpectedRollup(
        string AreaId,
        Dictionary<DeviceKind, LivenessCounts> DevicesByKind,
        Dictionary<string, int> Warnings,
        int DevicesWithWarnings,
        string? WorstDeviceId,
        int? WorstIndex);

    private sealed class ModelDevice(DeviceKind kind, string id, string districtId, GeoPoint location)
    {
        public DeviceKind Kind { get; } = kind;

        public string Id { get; } = id;

        public string DistrictId { get; set; } = districtId;

        public GeoPoint Location { get; set; } = location;

        public double Pm25 { get; init; }

        public DeviceLiveness Liveness { get; set; } = DeviceLiveness.Unknown;

        public HashSet<string> Warnings { get; } = new(StringComparer.Ordinal);
    }
}
