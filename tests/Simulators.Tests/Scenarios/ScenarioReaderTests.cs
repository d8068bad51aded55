using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Simulation.Scenarios;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class ScenarioReaderTests
{
    private const string Valid = """
        {
          "name": "small-fire",
          "title": "Cháy nhỏ",
          "description": "A panel heats up.",
          "duration": "PT10M",
          "targets": { "panel": { "kind": "fire-alarm" } },
          "cast": ["panel"],
          "timeline": [ { "at": "PT1M", "target": "panel", "action": "ramp", "metric": "temperature", "to": 70, "over": "PT5M" } ],
          "groundTruth": { "warnings": [ { "type": "fire", "target": "panel", "onset": "PT4M" } ] }
        }
        """;

    [Fact]
    public void Reads_a_valid_scenario()
    {
        var scenario = ScenarioReader.Read("small-fire.json", Valid);

        Assert.Equal("small-fire", scenario.Name);
        Assert.Equal(TimeSpan.FromMinutes(10), scenario.Duration);
        var step = Assert.Single(scenario.Timeline);
        Assert.Equal(ScenarioAction.Ramp, step.Action);
        Assert.Equal(TimeSpan.FromMinutes(5), step.Over);
        Assert.Equal(new ScenarioWarning("fire", "panel", TimeSpan.FromMinutes(4), null), Assert.Single(scenario.Warnings));
    }

    [Fact]
    public void A_ground_truth_warning_may_say_its_severity_when_it_is_not_the_types_usual_one()
    {
        var critical = Valid.Replace("\"onset\": \"PT4M\"", "\"onset\": \"PT4M\", \"severity\": \"critical\"", StringComparison.Ordinal);

        var scenario = ScenarioReader.Read("x.json", critical);

        Assert.Equal(AlertSeverity.Critical, Assert.Single(scenario.Warnings).Severity);
    }

    [Fact]
    public void A_misspelled_action_is_named_with_its_place_and_the_choices()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("x.json", Valid.Replace("\"ramp\"", "\"rampp\"", StringComparison.Ordinal)));

        Assert.Equal("scenario 'x.json': timeline[0].action 'rampp' is not one of ramp, set, freeze, clear, event, silent, online", error.Message);
    }

    [Theory]
    [InlineData("\"cast\": [\"panel\"],", "\"cast\": [\"panel\"], \"colour\": \"red\",", "scenario 'x.json': colour is not a known field")]
    [InlineData("\"to\": 70,", "\"to\": 70, \"value\": 3,", "scenario 'x.json': timeline[0].value is not a known field for \"ramp\"")]
    [InlineData("\"kind\": \"fire-alarm\"", "\"kind\": \"fire-alarm\", \"sitelike\": \"x\"", "scenario 'x.json': targets.panel.sitelike is not a known field")]
    [InlineData("\"target\": \"panel\", \"action\"", "\"target\": \"pannel\", \"action\"", "scenario 'x.json': timeline[0].target 'pannel' is not one of the targets (panel)")]
    [InlineData("\"PT10M\"", "\"10 minutes\"", "scenario 'x.json': duration '10 minutes' is not an ISO 8601 duration")]
    [InlineData("\"at\": \"PT1M\"", "\"at\": \"PT11M\"", "scenario 'x.json': timeline[0].at PT11M is outside the scenario (PT0S to PT10M)")]
    [InlineData("\"kind\": \"fire-alarm\"", "\"kind\": \"smoke-detector\"", "scenario 'x.json': targets.panel.kind 'smoke-detector' is not one of camera, environment-sensor")]
    [InlineData("\"to\": 70,", "", "scenario 'x.json': timeline[0].to is missing")]
    [InlineData("\"name\": \"small-fire\"", "\"name\": \"Small Fire\"", "scenario 'x.json': name 'Small Fire' is not a slug")]
    [InlineData("\"onset\": \"PT4M\"", "\"onset\": \"PT4M\", \"end\": \"PT2M\"", "scenario 'x.json': groundTruth.warnings[0].end comes before \"onset\"")]
    [InlineData("\"onset\": \"PT4M\"", "\"onset\": \"PT4M\", \"severity\": \"urgent\"", "scenario 'x.json': groundTruth.warnings[0].severity 'urgent' is not one of info, low, medium, high, critical")]
    public void Refuses_mistakes_with_the_file_and_the_place(string find, string replace, string expectedStart)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("x.json", Valid.Replace(find, replace, StringComparison.Ordinal)));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("x.json", "{\n  \"name\": \"a\",\n  \"title\" \"b\"\n}"));

        Assert.StartsWith("scenario 'x.json': not valid JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expectation_says_exactly_one_thing()
    {
        var both = Valid.Replace(
            "\"groundTruth\": {",
            "\"groundTruth\": { \"expectations\": [ { \"target\": \"panel\", \"liveness\": \"online\", \"panelState\": \"alarm\" } ],",
            StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("x.json", both));

        Assert.Equal("scenario 'x.json': groundTruth.expectations[0] needs exactly one of metric, liveness, panelState, officer, recentEvent", error.Message);
    }

    [Fact]
    public void A_target_refers_only_to_targets_before_it()
    {
        var forward = Valid.Replace(
            "\"panel\": { \"kind\": \"fire-alarm\" }",
            "\"camera\": { \"kind\": \"camera\", \"nearest\": \"panel\", \"within\": 300 }, \"panel\": { \"kind\": \"fire-alarm\" }",
            StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("x.json", forward));

        Assert.Equal("scenario 'x.json': targets.camera.nearest 'panel' is not a target defined before it (none)", error.Message);
    }
}
