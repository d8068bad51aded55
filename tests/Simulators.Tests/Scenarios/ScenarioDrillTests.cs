using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

/// <summary>
/// The acceptance: each drill played fast and alone against an in-process silo through <c>scenario run --check</c>;
/// the twins, read at the ground truth's checkpoints, show what the ground truth says. (The warnings the twins raise
/// are asserted by the end-to-end tests in <c>Warnings/</c>.)
/// </summary>
public sealed class ScenarioDrillTests
{
    [Fact]
    public async Task Fire_the_burning_hospital_panel_is_in_alarm_past_57_degrees_and_the_camera_nearby_sees_smoke()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("fire-public-building", speed: 300);

        AssertChecked(drill, exitCode);
        var panel = drill.Target("panel")[0];
        var end = TimeSpan.FromMinutes(30);
        var burning = drill.At(end, panel);
        Assert.InRange(burning.Metric("temperature"), 57, 200);
        Assert.True(burning.Metric("smoke") >= 10, burning.Api.ToString());
        Assert.Equal(FirePanelState.Alarm, burning.Panel!.State);
        Assert.Equal("Online", burning.Liveness);
        Assert.Contains(drill.At(end, drill.Target("camera")[0]).Events, e => e is { Type: CameraEventType.Motion, Zone: "smoke" });
    }

    [Fact]
    public async Task Night_theft_the_school_camera_records_intrusion_in_the_restricted_zone_then_tampering()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("night-theft-school", speed: 300);

        AssertChecked(drill, exitCode);
        var camera = drill.Target("camera")[0];
        var during = drill.At(TimeSpan.FromMinutes(20), camera);
        Assert.Contains(during.Events, e => e is { Type: CameraEventType.Intrusion, Zone: "restricted" });
        Assert.DoesNotContain(during.Events, e => e.Type == CameraEventType.Tamper);
        var after = drill.At(TimeSpan.FromMinutes(40), camera);
        Assert.Equal(CameraEventType.Tamper, after.Events[0].Type);
        var local = after.Events[0].OccurredAt.ToOffset(TimeSpan.FromHours(7));
        Assert.Equal(1, local.Hour);
        Assert.Equal("Online", after.Liveness);
    }

    [Fact]
    public async Task Haze_pm25_is_high_in_the_three_hazy_districts_and_normal_elsewhere()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("haze-episode", speed: 1200);

        AssertChecked(drill, exitCode);
        var end = TimeSpan.FromHours(4);
        var hazy = drill.Target("stations");
        Assert.NotEmpty(hazy);
        Assert.All(hazy, id => Assert.True(drill.At(end, id).Metric("pm2_5") >= 200, drill.At(end, id).Api.ToString()));
        Assert.All(hazy, id => Assert.True(drill.At(end, id).Metric("pm10") >= 300));
        var clean = drill.Target("clean");
        Assert.NotEmpty(clean);
        Assert.All(clean, id => Assert.True(drill.At(end, id).Metric("pm2_5") <= 150, drill.At(end, id).Api.ToString()));
    }

    [Fact]
    public async Task Gridlock_queues_build_and_speeds_collapse_at_the_blocked_crossings_only_then_clear()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("rush-hour-gridlock", speed: 600);

        AssertChecked(drill, exitCode);
        var peak = TimeSpan.FromHours(1);
        var crossings = drill.Target("crossings");
        Assert.Equal(3, crossings.Count);
        Assert.All(crossings, id => Assert.True(drill.At(peak, id).Metric("queue_length") >= 130));
        Assert.All(crossings, id => Assert.True(drill.At(peak, id).Metric("speed") <= 6));
        Assert.All(drill.Target("elsewhere"), id => Assert.True(drill.At(peak, id).Metric("queue_length") <= 100, drill.At(peak, id).Api.ToString()));
        Assert.All(crossings, id => Assert.True(drill.At(TimeSpan.FromMinutes(90), id).Metric("queue_length") <= 100));
    }

    [Fact]
    public async Task Officer_absent_the_counter_shows_no_officer_and_a_growing_queue_until_they_return()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("officer-absent", speed: 400);

        AssertChecked(drill, exitCode);
        var counter = drill.Target("counter")[0];
        var away = drill.At(TimeSpan.FromMinutes(40), counter);
        Assert.False(away.Officer!.IsPresent);
        Assert.True(away.Metric("queue_length") >= 25);
        Assert.True(drill.At(TimeSpan.FromMinutes(45), counter).Officer!.IsPresent);
    }

    [Fact]
    public async Task Vandalised_camera_reports_tampering_then_goes_offline_while_its_neighbours_stay_online()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("camera-vandalised", speed: 300);

        AssertChecked(drill, exitCode);
        var end = TimeSpan.FromMinutes(30);
        var camera = drill.At(end, drill.Target("camera")[0]);
        Assert.Equal("Offline", camera.Liveness);
        Assert.Contains(camera.Events, e => e.Type == CameraEventType.Tamper);
        Assert.All(drill.Target("neighbours"), id => Assert.Equal("Online", drill.At(end, id).Liveness));
    }

    [Fact]
    public async Task Stuck_sensor_the_station_reads_exactly_180_for_hours_while_its_neighbours_read_the_usual_levels()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("stuck-sensor", speed: 1200);

        AssertChecked(drill, exitCode);
        var station = drill.Target("station")[0];
        var stuck = TimeSpan.FromHours(2);
        Assert.Equal(180, drill.At(stuck, station).Metric("pm2_5"));
        Assert.Equal("Online", drill.At(stuck, station).Liveness);
        var neighbours = drill.Target("neighbours");
        Assert.Equal(3, neighbours.Count);
        Assert.All(neighbours, id => Assert.True(drill.At(stuck, id).Metric("pm2_5") <= 150, drill.At(stuck, id).Api.ToString()));
        Assert.True(drill.At(TimeSpan.FromHours(4), station).Metric("pm2_5") < 180, drill.At(TimeSpan.FromHours(4), station).Api.ToString());
    }

    [Fact]
    public async Task Power_cut_the_district_goes_offline_the_rest_stays_online_and_power_brings_it_back()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("power-cut", speed: 600);

        AssertChecked(drill, exitCode);
        var blackout = drill.Target("blackout");
        Assert.NotEmpty(blackout);
        var cut = TimeSpan.FromMinutes(30);
        Assert.All(blackout, id => Assert.Equal("Offline", drill.At(cut, id).Liveness));
        Assert.All(drill.Target("elsewhere"), id => Assert.Equal("Online", drill.At(cut, id).Liveness));
        Assert.All(blackout, id => Assert.Equal("Online", drill.At(TimeSpan.FromHours(1), id).Liveness));
    }

    [Fact]
    public async Task On_top_of_the_whole_province_a_power_cut_darkens_one_district_among_all_the_living_devices()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("power-cut", speed: 600, alone: false);

        AssertChecked(drill, exitCode);
        Assert.Contains("on top of 161 devices", drill.Output, StringComparison.Ordinal);
        var cut = TimeSpan.FromMinutes(30);
        Assert.All(drill.Target("blackout"), id => Assert.Equal("Offline", drill.At(cut, id).Liveness));
        Assert.All(drill.Target("elsewhere"), id => Assert.Equal("Online", drill.At(cut, id).Liveness));
        Assert.Contains("Provisioned 161 devices", drill.Output, StringComparison.Ordinal);
    }

    private static void AssertChecked(DrillHarness drill, int exitCode)
    {
        Assert.True(exitCode == 0, drill.Output);
        Assert.Contains("✔", drill.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✘", drill.Output, StringComparison.Ordinal);
    }
}
