using System.Text.Json.Nodes;

namespace SmartCity.Twin.Simulators.Tests.Warnings;

/// <summary>
/// The pollution acceptance, end to end: from 03:20 a temperature inversion drives PM2.5 to 260 µg/m³ and PM10
/// to 390 over two and a half hours in three districts; every other station is the control group.
/// </summary>
[Collection(WarningDrillCollection.Name)]
public sealed class HazeWarningTests
{
    [Fact]
    public async Task A_haze_episode_raises_pollution_alerts_on_the_stations_of_the_hazy_districts_and_none_elsewhere()
    {
        using var drill = await WarningDrill.PlayAsync("haze-episode", speed: 1200);
        var hazyDistricts = drill.Target("haze");
        var hazy = drill.Target("stations");
        Assert.NotEmpty(hazy);

        var raised = new List<JsonObject>();
        foreach (var station in hazy)
        {
            raised.AddRange(await drill.Desk.WaitForAlertsAsync(station, "pollution"));
        }

        Assert.All(raised, alert => Assert.InRange(alert.Time("raisedAt"), drill.Start, drill.Start + TimeSpan.FromHours(4)));
        foreach (var station in drill.Target("clean"))
        {
            Assert.True((await drill.Desk.AlertsAsync(station, "pollution")).Count == 0, $"{station}, outside the haze: {await drill.Desk.DescribeAsync(station)}");
        }

        // What the operator's list shows: pollution in the three hazy districts and nowhere else.
        var everywhere = await drill.Desk.AlertsOfTypeAsync("pollution");
        Assert.All(everywhere, alert => Assert.Contains(alert.Str("districtId"), hazyDistricts));
        Assert.Equal(hazy.Order(StringComparer.Ordinal), everywhere.Select(a => a.Str("twinId")).Distinct().Order(StringComparer.Ordinal));
    }
}
