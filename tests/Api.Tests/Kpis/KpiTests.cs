using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Kpis;
using SmartCity.Twin.Api.Tests.History;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Tests.Kpis;

/// <summary>
/// KPIs from a known sequence: the silo clock stands still, each test takes samples at times it chooses (each on its
/// own days and in its own district, so tests sharing the silo do not see each other's samples) and reads the KPIs back.
/// </summary>
public sealed class KpiTests(ClockedTwinApiFactory factory) : IClassFixture<ClockedTwinApiFactory>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private KpiSampler Sampler => factory.Services.GetRequiredService<KpiSampler>();

    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Availability_is_online_device_minutes_over_device_minutes_sampled()
    {
        using var admin = factory.CreateAdminClient();
        var district = TwinRequests.Map.Districts[1];
        var (first, second) = (NewId("cam"), NewId("cam"));
        await TwinRequests.ProvisionAsync(admin, first, "camera", district);
        await TwinRequests.ProvisionAsync(admin, second, "camera", district);
        var at = new DateTimeOffset(2026, 11, 9, 9, 0, 0, Vietnam);

        await TwinRequests.PostTelemetryAsync(admin, first, "fps", (ClockedTwinApiFactory.Start, 25));
        await Sampler.SampleAsync(at);
        await TwinRequests.PostTelemetryAsync(admin, second, "fps", (ClockedTwinApiFactory.Start, 25));
        await Sampler.SampleAsync(at.AddMinutes(1));
        await Grains.GetDeviceTwin(DeviceKind.Camera, first).ReportStatus(DeviceStatus.Offline, ClockedTwinApiFactory.Start.AddSeconds(1));
        await Sampler.SampleAsync(at.AddMinutes(2));

        using var kpis = await GetKpisAsync(admin, $"district={district.Id}&from=2026-11-09&to=2026-11-10");

        var devices = kpis.District(district.Id).GetProperty("devices");
        Assert.Equal(66.67, devices.GetProperty("availabilityPercent").GetDouble());
        Assert.Equal(2, devices.GetProperty("total").GetInt32());
        Assert.Equal(1, devices.GetProperty("online").GetInt32());
        Assert.Equal(JsonValueKind.Null, kpis.Root.GetProperty("province").ValueKind);
        Assert.Single(kpis.Root.GetProperty("districts").EnumerateArray());

        using var series = await admin.GetAsync(
            $"/api/v1/twins/district:{district.Id}/history?metric=devices_online&from={TwinRequests.Iso(at)}&to={TwinRequests.Iso(at.AddMinutes(3))}&bucket=1m");
        Assert.Equal(HttpStatusCode.OK, series.StatusCode);
        var history = await series.Content.ReadFromJsonAsync<HistoryResponseBody>();
        Assert.Equal([1.0, 2.0, 1.0], history!.Points.Select(p => p.Avg));
    }

    [Fact]
    public async Task Traffic_violations_are_counted_per_Vietnam_day_from_camera_violation_events()
    {
        using var admin = factory.CreateAdminClient();
        var district = TwinRequests.Map.Districts[2];
        var camera = NewId("cam");
        await TwinRequests.ProvisionAsync(admin, camera, "camera", district);
        var twin = (ICameraTwin)Grains.GetDeviceTwin(DeviceKind.Camera, camera);

        await ReportAsync(twin, CameraEventType.Violation, CameraEventType.Violation, CameraEventType.Motion, CameraEventType.Violation);
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 10, 23, 59, 0, Vietnam));
        await ReportAsync(twin, CameraEventType.Violation, CameraEventType.PlateRead, CameraEventType.Violation);
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 11, 0, 1, 0, Vietnam));

        using var kpis = await GetKpisAsync(admin, $"district={district.Id}&from=2026-11-10&to=2026-11-13");

        var violations = kpis.District(district.Id).GetProperty("trafficViolations");
        Assert.Equal(5, violations.GetProperty("total").GetInt64());
        Assert.Equal(
            [("2026-11-10", 3L), ("2026-11-11", 2L), ("2026-11-12", 0L)],
            violations.GetProperty("perDay").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("count").GetInt64())));
        Assert.Equal(1.67, violations.GetProperty("averagePerDay").GetDouble());
    }

    [Fact]
    public async Task Hours_in_each_VN_AQI_band_average_and_worst_come_from_the_worst_sensor_at_each_sample()
    {
        using var admin = factory.CreateAdminClient();
        var district = TwinRequests.Map.Districts[3];
        var sensor = NewId("aqi");
        await TwinRequests.ProvisionAsync(admin, sensor, "environment-sensor", district);
        var start = ClockedTwinApiFactory.Start;
        var at = new DateTimeOffset(2026, 11, 12, 10, 0, 0, Vietnam);

        await TwinRequests.PostTelemetryAsync(admin, sensor, "pm2_5", (start.AddMinutes(-90), 10), (start.AddMinutes(-30), 10));
        var clean = await AirQualityInRollupAsync(sensor, district.Id);
        await Sampler.SampleAsync(at);
        await Sampler.SampleAsync(at.AddMinutes(1));
        await TwinRequests.PostTelemetryAsync(admin, sensor, "pm2_5", (start, 400));
        var polluted = await AirQualityInRollupAsync(sensor, district.Id);
        for (var i = 2; i < 5; i++)
        {
            await Sampler.SampleAsync(at.AddMinutes(i));
        }

        using var kpis = await GetKpisAsync(admin, $"district={district.Id}&from=2026-11-12&to=2026-11-13");

        Assert.NotEqual(clean.Band, polluted.Band);
        var airQuality = kpis.District(district.Id).GetProperty("airQuality");
        var hours = airQuality.GetProperty("hoursByBand").EnumerateArray()
            .ToDictionary(b => Enum.Parse<AirQualityBand>(b.GetProperty("band").GetString()!), b => b.GetProperty("hours").GetDouble());
        Assert.Equal(Enum.GetValues<AirQualityBand>(), hours.Keys);
        Assert.Equal(Math.Round(2 / 60.0, 4), hours[clean.Band]);
        Assert.Equal(Math.Round(3 / 60.0, 4), hours[polluted.Band]);
        Assert.Equal(0, hours.Where(h => h.Key != clean.Band && h.Key != polluted.Band).Sum(h => h.Value));
        Assert.Equal(polluted.Value, airQuality.GetProperty("worstAqi").GetInt32());
        Assert.Equal(Math.Round(((2.0 * clean.Value) + (3.0 * polluted.Value)) / 5, 1), airQuality.GetProperty("averageAqi").GetDouble());
    }

    [Fact]
    public async Task Service_level_is_staffed_counter_minutes_over_expected_ones_in_opening_hours_only()
    {
        using var admin = factory.CreateAdminClient();
        var district = TwinRequests.Map.Districts[4];
        var (staffed, empty) = (NewId("counter"), NewId("counter"));
        await TwinRequests.ProvisionAsync(admin, staffed, "service-counter", district);
        await TwinRequests.ProvisionAsync(admin, empty, "service-counter", district);
        await Grains.GetGrain<IServiceCounterTwin>(staffed).ReportOfficerPresence(true, ClockedTwinApiFactory.Start);

        // Friday: two samples in the morning session, one at lunch (closed); Sunday: closed all day.
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 13, 8, 0, 0, Vietnam));
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 13, 8, 1, 0, Vietnam));
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 13, 12, 0, 0, Vietnam));
        await Sampler.SampleAsync(new DateTimeOffset(2026, 11, 15, 9, 0, 0, Vietnam));

        using var kpis = await GetKpisAsync(admin, $"district={district.Id}&from=2026-11-13&to=2026-11-16");

        var counters = kpis.District(district.Id).GetProperty("serviceCounters");
        Assert.Equal(50, counters.GetProperty("serviceLevelPercent").GetDouble());
        Assert.Equal(4, counters.GetProperty("expectedCounterMinutes").GetDouble());
        Assert.Equal(2, counters.GetProperty("staffedCounterMinutes").GetDouble());
        Assert.Equal(2, counters.GetProperty("counters").GetInt32());
    }

    [Fact]
    public async Task Without_a_range_the_KPIs_cover_today_in_Vietnam_for_the_province_and_every_district()
    {
        using var admin = factory.CreateAdminClient();

        using var kpis = await GetKpisAsync(admin, string.Empty);

        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, Vietnam), kpis.Root.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 0, 0, 0, Vietnam), kpis.Root.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(TwinRequests.Map.Id, kpis.Root.GetProperty("province").GetProperty("id").GetString());
        Assert.Equal(
            TwinRequests.Map.Districts.Select(d => d.Id),
            kpis.Root.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("from=2026-11-12&to=2026-11-11", "from")]
    [InlineData("from=2026-11-12T00:00:00Z&to=2026-11-12T00:00:00Z", "from")]
    [InlineData("from=last-week", "from")]
    [InlineData("to=2026-11-32", "to")]
    [InlineData("from=2026-01-01&to=2026-11-01", "from")]
    [InlineData("district=atlantis", "district")]
    public async Task A_bad_range_or_district_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.GetAsync($"/api/v1/kpis?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
    }

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task ReportAsync(ICameraTwin twin, params CameraEventType[] types)
    {
        foreach (var type in types)
        {
            await twin.ReportAnalyticsEvent(new CameraAnalyticsEvent(type, ClockedTwinApiFactory.Start));
        }
    }

    private static async Task<KpisBody> GetKpisAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/kpis?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return new KpisBody(JsonDocument.Parse(text));
    }

    /// <summary>The sensor's AQI once the district roll-up the sampler reads shows it (roll-ups travel one-way, so not at once).</summary>
    private async Task<AirQualityIndex> AirQualityInRollupAsync(string sensor, string districtId)
    {
        var index = await ((IEnvironmentSensorTwin)Grains.GetDeviceTwin(DeviceKind.EnvironmentSensor, sensor)).GetAirQuality();
        Assert.NotNull(index);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var rollups = await Grains.GetGrain<IProvinceTwin>(TwinRequests.Map.Id).GetDistrictRollups();
            if (rollups.Single(r => r.AreaId == districtId).WorstAirQuality?.Index == index.Value)
            {
                return index;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The roll-up of {districtId} never showed AQI {index.Value}.");
    }
}
