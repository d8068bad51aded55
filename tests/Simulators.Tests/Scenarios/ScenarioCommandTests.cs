using SmartCity.Twin.Simulators.Commands;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Tests.Scenarios;

public sealed class ScenarioCommandTests
{
    [Fact]
    public async Task List_shows_all_eight_drills_with_their_titles_and_expected_warnings()
    {
        var (exitCode, output) = await RunAsync("scenario", "list");

        Assert.Equal(0, exitCode);
        Assert.All(ScenarioCatalogTests.EightDrills, name => Assert.Contains(name, output, StringComparison.Ordinal));
        Assert.Contains("Cháy tại công trình công cộng", output, StringComparison.Ordinal);
        Assert.Contains("PT30M", output, StringComparison.Ordinal);
        Assert.Contains("fire-pre-alarm (panel)", output, StringComparison.Ordinal);
        Assert.Contains("officer-absent (counter)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_an_unknown_drill_names_the_known_ones_and_exits_2()
    {
        var (exitCode, output) = await RunAsync("scenario", "run", "earthquake", "--api-key", "k");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Unknown scenario 'earthquake': the scenarios are camera-vandalised, fire-public-building", output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_broken_scenario_file_is_one_line_naming_the_file_and_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "name": "broken", "title": "x", "description": "x", "duration": "PT1M", "targets": { "a": { "kind": "drone" } } }""");
        try
        {
            var (exitCode, output) = await RunAsync("scenario", "run", path, "--api-key", "k");

            Assert.Equal(2, exitCode);
            Assert.Equal($"scenario '{path}': targets.a.kind 'drone' is not one of camera, environment-sensor, fire-alarm, intersection, service-counter", output.Trim().ReplaceLineEndings(" "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_drill_sets_its_own_duration()
    {
        var (exitCode, output) = await RunAsync("scenario", "run", "power-cut", "--duration", "10m", "--api-key", "k");

        Assert.Equal(2, exitCode);
        Assert.Contains("--duration does not apply to a scenario: 'power-cut' lasts PT1H.", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var exitCode = await SimulatorCommands.InvokeAsync(args, console, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
