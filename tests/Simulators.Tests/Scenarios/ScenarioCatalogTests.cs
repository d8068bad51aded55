using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    public static readonly string[] EightDrills =
    [
        "camera-vandalised", "fire-public-building", "haze-episode", "night-theft-school", "officer-absent", "power-cut", "rush-hour-gridlock", "stuck-sensor",
    ];

    [Fact]
    public void Ships_the_eight_drills_of_the_issues()
    {
        Assert.Equal(EightDrills, ScenarioCatalog.BuiltIn.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(ScenarioCatalog.BuiltIn, s => Assert.NotEmpty(s.Warnings));
        Assert.All(ScenarioCatalog.BuiltIn, s => Assert.NotEmpty(s.Expectations));
    }

    [Fact]
    public void An_unknown_name_gets_the_list_of_names()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("fire"));

        Assert.StartsWith("Unknown scenario 'fire': the scenarios are ", error.Message, StringComparison.Ordinal);
        Assert.All(EightDrills, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Loads_a_scenario_file_by_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        const string text = """
            {
              "name": "my-power-cut", "title": "Mất điện", "description": "One district goes dark.", "duration": "PT20M",
              "targets": { "district": { "districts": { "count": 1 } }, "blackout": { "in": "district", "count": "all" } },
              "cast": ["blackout"],
              "timeline": [ { "at": "PT5M", "target": "blackout", "action": "silent" } ],
              "groundTruth": { "warnings": [ { "type": "offline", "target": "blackout", "onset": "PT5M" } ] }
            }
            """;
        File.WriteAllText(path, text);
        try
        {
            Assert.Equal("my-power-cut", ScenarioCatalog.Load(path).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Load("no-such-dir/drill.json"));

        Assert.StartsWith("scenario 'no-such-dir/drill.json': cannot be read", error.Message, StringComparison.Ordinal);
    }
}
