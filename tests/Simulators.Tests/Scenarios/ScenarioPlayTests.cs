using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class ScenarioPlayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 40, 0, TimeSpan.Zero);

    public static TheoryData<string, string> EveryDrillInEveryProvince()
    {
        var data = new TheoryData<string, string>();
        foreach (var province in ProvinceMap.AvailableProvinceIds)
        {
            foreach (var scenario in ScenarioCatalogTests.EightDrills)
            {
                data.Add(scenario, province);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDrillInEveryProvince))]
    public void Every_drill_can_be_played_in_every_shipped_province(string name, string provinceId)
    {
        var province = SimulatedProvince.Create(ProvinceMap.Load(provinceId));
        var scenario = ScenarioCatalog.Load(name);

        var play = ScenarioPlay.Create(scenario, province, seed: 7, ScenarioPlay.ChooseStart(scenario, Now));

        Assert.NotEmpty(play.Warnings);
        Assert.NotEmpty(play.Cast.Devices);
        Assert.All(play.Warnings, w => Assert.Contains(w.Device, play.Cast.Devices));
        Assert.All(play.Expectations, e => Assert.Contains(e.Device, play.Cast.Devices));
        Assert.True(play.End + ScenarioPlay.Margin <= Now);
    }

    [Fact]
    public void The_fire_camera_stands_within_300_m_of_the_burning_hospital()
    {
        var play = Play("fire-public-building");

        var panel = Assert.Single(play.Targets["panel"].Devices);
        var camera = Assert.Single(play.Targets["camera"].Devices);
        Assert.Equal(DeviceKind.FireAlarm, panel.Kind);
        Assert.Contains("Bệnh viện", panel.Site, StringComparison.Ordinal);
        Assert.Equal(DeviceKind.Camera, camera.Kind);
        Assert.InRange(ScenarioTargetResolver.DistanceMeters(panel.Location, camera.Location), 0, 300);
    }

    [Fact]
    public void The_stuck_station_is_compared_with_its_three_nearest_stations_and_expects_only_a_sensor_fault()
    {
        var play = Play("stuck-sensor");

        var station = Assert.Single(play.Targets["station"].Devices);
        var neighbours = play.Targets["neighbours"].Devices;
        Assert.Equal(3, neighbours.Count);
        Assert.All(neighbours, n => Assert.Equal(DeviceKind.EnvironmentSensor, n.Kind));
        Assert.DoesNotContain(station, neighbours);
        var warning = Assert.Single(play.Warnings);
        Assert.Equal(("sensor-fault", station, play.Start.AddMinutes(30)), (warning.Type, warning.Device, warning.Onset));
    }

    [Fact]
    public void Haze_covers_three_districts_and_keeps_a_clean_control_group()
    {
        var play = Play("haze-episode");

        var haze = play.Targets["haze"].Districts.Select(d => d.Id).ToArray();
        Assert.Equal(3, haze.Distinct().Count());
        Assert.All(play.Targets["stations"].Devices, d => Assert.Contains(d.DistrictId, haze));
        Assert.NotEmpty(play.Targets["clean"].Devices);
        Assert.All(play.Targets["clean"].Devices, d => Assert.DoesNotContain(d.DistrictId, haze));
        Assert.All(play.Cast.Devices, d => Assert.Equal(DeviceKind.EnvironmentSensor, d.Kind));
    }

    [Fact]
    public void A_power_cut_takes_every_device_of_one_district()
    {
        var play = Play("power-cut");

        var district = Assert.Single(play.Targets["district"].Districts);
        var inDistrict = play.Province.Devices.Where(d => d.DistrictId == district.Id).ToArray();
        Assert.Equal(inDistrict, play.Targets["blackout"].Devices);
        Assert.Equal(inDistrict.Select(d => d.Id).Order(StringComparer.Ordinal), play.Warnings.Select(w => w.Device.Id).Order(StringComparer.Ordinal));
        Assert.All(play.Warnings, w => Assert.Equal((play.Start.AddMinutes(5), play.Start.AddMinutes(45)), (w.Onset, w.End!.Value)));
    }

    [Fact]
    public void The_same_seed_chooses_the_same_devices()
    {
        var first = Play("camera-vandalised", seed: 11);
        var second = Play("camera-vandalised", seed: 11);

        Assert.Equal(first.Targets["camera"].Devices, second.Targets["camera"].Devices);
        Assert.Equal(first.Cast.Devices, second.Cast.Devices);
    }

    [Fact]
    public void Seeds_spread_a_drill_over_the_province()
    {
        var cameras = Enumerable.Range(1, 20).Select(seed => Play("camera-vandalised", seed).Targets["camera"].Devices[0].Id).Distinct().Count();

        Assert.True(cameras > 5, $"20 seeds chose only {cameras} different cameras");
    }

    [Theory]
    [InlineData("night-theft-school", 0, 45)]
    [InlineData("rush-hour-gridlock", 16, 45)]
    [InlineData("officer-absent", 8, 30)]
    public void A_drill_that_needs_a_time_of_day_starts_at_it_in_local_time_and_in_the_past(string name, int hour, int minute)
    {
        var scenario = ScenarioCatalog.Load(name);

        var start = ScenarioPlay.ChooseStart(scenario, Now);

        var local = start.ToOffset(TimeSpan.FromHours(7));
        Assert.Equal((hour, minute), (local.Hour, local.Minute));
        Assert.True(start + scenario.Duration + ScenarioPlay.Margin <= Now);
        Assert.True(Now - start < TimeSpan.FromDays(4));
        if (scenario.StartsAt!.Days == ScenarioDays.Weekdays)
        {
            Assert.NotEqual(DayOfWeek.Saturday, local.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        }
    }

    [Fact]
    public void A_drill_without_a_time_of_day_ends_just_before_now()
    {
        var scenario = ScenarioCatalog.Load("fire-public-building");

        var start = ScenarioPlay.ChooseStart(scenario, Now);

        Assert.Equal(Now - scenario.Duration - ScenarioPlay.Margin, start);
    }

    [Fact]
    public void A_province_without_the_devices_a_drill_needs_is_told_so()
    {
        var map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);
        var noPanels = SimulatedProvince.Create(map).Only(d => d.Kind != DeviceKind.FireAlarm);

        var error = Assert.Throws<ScenarioException>(() => ScenarioPlay.Create(ScenarioCatalog.Load("fire-public-building"), noPanels, 1, Now));

        Assert.Contains("target 'panel' matches no device (fire-alarm, site like 'Bệnh viện')", error.Message, StringComparison.Ordinal);
    }

    internal static ScenarioPlay Play(string name, int seed = 2020, string province = ProvinceMap.DefaultProvinceId)
    {
        var scenario = ScenarioCatalog.Load(name);
        return ScenarioPlay.Create(scenario, SimulatedProvince.Create(ProvinceMap.Load(province)), seed, ScenarioPlay.ChooseStart(scenario, Now));
    }
}
