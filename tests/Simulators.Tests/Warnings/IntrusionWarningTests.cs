namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// The intrusion acceptance, end to end: around 01:00 someone climbs into a school; the camera reports motion in
/// its restricted zone from +13 min and intrusion events every 2 min from +15 min to +27 min, then is tampered with.
/// </summary>
[Collection(WarningDrillCollection.Name)]
public sealed class IntrusionWarningTests
{
    [Fact]
    public async Task A_night_intrusion_at_a_school_raises_one_intrusion_alert_on_its_camera_none_on_the_cameras_around_it_and_the_tampering_during_it_is_critical()
    {
        using var drill = await WarningDrill.PlayAsync("night-theft-school", speed: 300);
        var camera = drill.Target("camera")[0];

        var intrusion = Assert.Single(await drill.Desk.WaitForAlertsAsync(camera, "intrusion"));

        // From the first restricted-zone motion (the ideal onset) to the first intrusion event, by the camera's clock.
        var raisedAt = intrusion.Time("raisedAt");
        Assert.True(
            raisedAt >= drill.Onset("intrusion", camera) && raisedAt <= drill.Start + TimeSpan.FromMinutes(15),
            $"The intrusion was raised at {drill.Offset(raisedAt)}, not between +13 and +15 min: {intrusion.ToJsonString()}");
        foreach (var neighbour in drill.Target("schoolyard"))
        {
            Assert.True((await drill.Desk.AlertsAsync(neighbour, "intrusion")).Count == 0, $"{neighbour}: {await drill.Desk.DescribeAsync(neighbour)}");
        }

        var tamper = Assert.Single(await drill.Desk.WaitForAlertsAsync(camera, "tamper"));
        Assert.Equal(drill.Severity("tamper", camera), tamper.Str("severity"));
        Assert.Equal("Critical", tamper.Str("severity"));
    }
}
