namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// The issue's sensor-fault acceptance, end to end: one station's PM2.5 jumps to 180 µg/m³ at +30 min and reads exactly
/// that until +3 h 30 min, while its three nearest stations read the usual levels.
/// </summary>
[Collection(WarningDrillCollection.Name)]
public sealed class StuckSensorWarningTests
{
    [Fact]
    public async Task A_pm25_sensor_stuck_at_180_raises_a_sensor_fault_and_no_pollution_alert_and_the_fault_clears_when_it_reads_again()
    {
        using var drill = await WarningDrill.PlayAsync("stuck-sensor", speed: 1200);
        var station = drill.Target("station")[0];

        var fault = Assert.Single(await drill.Desk.WaitForAlertsAsync(station, "sensor-fault"));

        // By the station's own clock: not before the channel stuck, and no later than the 30 min of identical values it
        // takes to tell.
        var raisedAt = fault.Time("raisedAt");
        var onset = drill.Onset("sensor-fault", station);
        Assert.True(
            raisedAt >= onset && raisedAt <= onset + TimeSpan.FromMinutes(31),
            $"The sensor fault was raised at {drill.Offset(raisedAt)}; the channel stuck at {drill.Offset(onset)}: {fault.ToJsonString()}");
        Assert.True((await drill.Desk.AlertsAsync(station, "pollution")).Count == 0, $"{station} is stuck, not polluted: {await drill.Desk.DescribeAsync(station)}");
        var sound = drill.Target("neighbours").Except(drill.Faulty()).ToList();
        foreach (var neighbour in sound)
        {
            Assert.True(!(await drill.Desk.AlertsAsync(neighbour)).Any(a => a.Str("type") is "pollution" or "sensor-fault"), $"{neighbour}: {await drill.Desk.DescribeAsync(neighbour)}");
        }

        // The channel reads again from +3 h 30 min: the fault ends by itself, and the alert records that it did.
        await AlertDesk.WaitUntilAsync(
            async () => (await drill.Desk.AlertAsync(fault.Str("id"))).StrOrNull("clearedAt") is not null,
            async () => $"the sensor fault never cleared: {(await drill.Desk.AlertAsync(fault.Str("id"))).ToJsonString()}");
    }
}
