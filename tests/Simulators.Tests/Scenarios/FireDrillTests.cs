using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.FireAlarms;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class FireDrillTests
{
    [Fact]
    public async Task The_burning_hospital_panel_is_in_alarm_past_57_degrees_and_the_camera_nearby_sees_smoke()
    {
        using var drill = new DrillHarness();

        var exitCode = await drill.RunAsync("fire-public-building", speed: 300);

        Assert.True(exitCode == 0, drill.Output);
        var truth = drill.GroundTruth();
        var panel = truth.GetProperty("targets").GetProperty("panel")[0].GetString()!;
        var camera = truth.GetProperty("targets").GetProperty("camera")[0].GetString()!;
        var end = TimeSpan.FromMinutes(30);
        var burning = drill.At(end, panel);
        Assert.InRange(burning.Metric("temperature"), 57, 200);
        Assert.True(burning.Metric("smoke") >= 10, burning.Api.ToString());
        Assert.Equal(FirePanelState.Alarm, burning.Panel!.State);
        Assert.Equal("Online", burning.Liveness);
        Assert.Contains(drill.At(end, camera).Events, e => e is { Type: CameraEventType.Motion, Zone: "smoke" });
        Assert.Contains("✔", drill.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✘", drill.Output, StringComparison.Ordinal);
    }
}
