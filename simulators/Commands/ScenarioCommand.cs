using System.CommandLine;
using System.Globalization;
using System.Xml;
using Spectre.Console;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulators.Drills;
using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>`scenario list` and `scenario run NAME|FILE`.</summary>
internal static class ScenarioCommand
{
    /// <param name="observer">
    /// Called at each moment the scenario's ground truth speaks of, while the simulation holds still (tests read the
    /// twins there); with it, the run stops after the last such moment as with <c>--check</c>.
    /// </param>
    public static Command Create(CommonOptions common, Func<DrillCheckpoint, CancellationToken, Task>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(common);
        var command = new Command("scenario", "Scripted drills with ground truth: list, run.");
        command.Subcommands.Add(ListCommand(common));
        command.Subcommands.Add(RunCommand(common, observer));
        return command;
    }

    private static Command ListCommand(CommonOptions common)
    {
        var list = new Command("list", "The built-in scenarios: name, title, duration and the warnings an ideal detector raises.");
        list.SetAction(_ =>
        {
            var table = new Table();
            table.AddColumns("name", "title", "duration", "local start", "warnings expected");
            foreach (var scenario in ScenarioCatalog.BuiltIn)
            {
                table.AddRow(
                    Markup.Escape(scenario.Name),
                    Markup.Escape(scenario.Title),
                    XmlConvert.ToString(scenario.Duration),
                    scenario.StartsAt is { } at ? Markup.Escape(StartDescription(at)) : "any time",
                    Markup.Escape(string.Join(", ", scenario.Warnings.Select(w => $"{w.Type} ({w.Target})"))));
            }

            common.Console.Write(table);
            return ExitCodes.Succeeded;
        });
        return list;
    }

    private static Command RunCommand(CommonOptions common, Func<DrillCheckpoint, CancellationToken, Task>? observer)
    {
        var run = new Command("run", "Plays a scenario on top of a province (or alone), writes its ground truth and, with --check, checks the twins against it.");
        var scenarioArgument = new Argument<string>("scenario") { Description = "A built-in scenario's name (see scenario list) or the path of a .json scenario file" };
        var alone = new Option<bool>("--alone") { Description = "Simulate only the scenario's cast (its devices and their control group), not the whole province" };
        var groundTruth = new Option<FileInfo?>("--ground-truth") { Description = "Where to write the ground truth, .json or .csv (default: ./ground-truth/<name>-<utc>.json)" };
        var check = new Option<bool>("--check")
        {
            Description = "Read the target twins through the API at each moment the ground truth speaks of; print ✔/✘ per expectation, exit 1 if any fails",
        };
        var options = new RunOptions();
        run.Arguments.Add(scenarioArgument);
        run.Options.Add(alone);
        run.Options.Add(groundTruth);
        run.Options.Add(check);
        options.AddTo(run);
        run.SetAction(async (result, cancellationToken) =>
        {
            var console = common.Console;
            try
            {
                var scenario = ScenarioCatalog.Load(result.GetValue(scenarioArgument)!);
                if (result.GetResult(options.Duration) is { Implicit: false })
                {
                    throw new UsageException($"--duration does not apply to a scenario: '{scenario.Name}' lasts {XmlConvert.ToString(scenario.Duration)}.");
                }

                var province = options.ReadProvince(result);
                var settings = options.ReadSettings(result, common);

                // Liveness is what a power cut or a smashed camera is about, and only MQTT devices have it (the Will):
                // unless told otherwise, every device of a drill speaks MQTT.
                if (result.GetResult(options.HttpShare) is not { Implicit: false })
                {
                    settings = settings with { HttpShare = 0 };
                }

                var now = DateTimeOffset.UtcNow;
                var start = settings.Start ?? ScenarioPlay.ChooseStart(scenario, now);
                if (start + scenario.Duration > now)
                {
                    throw new UsageException($"--start {start:O}: '{scenario.Name}' would end after now ({XmlConvert.ToString(scenario.Duration)} later), and the twin refuses readings from the future.");
                }

                var play = ScenarioPlay.Create(scenario, province, settings.Seed, start);
                var devices = result.GetValue(alone) ? play.Cast : province;
                var path = result.GetValue(groundTruth)?.FullName
                    ?? Path.Combine("ground-truth", string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}-{now:yyyyMMdd'T'HHmmss'Z'}.json"));

                // The run's own faults, drawn as the run draws them (same start and seed), belong in the ground truth.
                var faults = new ProvinceSimulation(devices, new SimulationOptions { Start = play.Start, Seed = settings.Seed }).Faults;
                GroundTruthWriter.Write(play, path, faults);

                if (options.UsesShippedBoundaries(result))
                {
                    console.MarkupLineInterpolated($"[grey]{ProvinceMap.Attribution}[/]");
                }

                Describe(console, play, result.GetValue(alone), path, faults.Count);
                return await DrillRun.RunAsync(play, devices, settings, faults, result.GetValue(check), observer, console, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ScenarioException or UsageException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return ExitCodes.BadUsage;
            }
            catch (IOException e)
            {
                console.MarkupLineInterpolated($"[red]Cannot write the ground truth: {e.Message}[/]");
                return ExitCodes.BadUsage;
            }
            catch (UnauthorizedAccessException e)
            {
                console.MarkupLineInterpolated($"[red]Cannot write the ground truth: {e.Message}[/]");
                return ExitCodes.BadUsage;
            }
        });
        return run;
    }

    private static void Describe(IAnsiConsole console, ScenarioPlay play, bool alone, string groundTruthPath, int faults)
    {
        var local = play.Start.ToOffset(ScenarioStartTime.LocalOffset);
        console.MarkupLineInterpolated(
            $"[bold]{play.Scenario.Name}[/] — {play.Scenario.Title}: {XmlConvert.ToString(play.Scenario.Duration)} from {GroundTruthWriter.Time(play.Start)} ({local:ddd HH:mm} local), {(alone ? $"alone ({play.Cast.Devices.Count} devices)" : $"on top of {play.Province.Devices.Count} devices")}.");
        foreach (var target in play.Scenario.Targets)
        {
            var resolved = play.Targets[target.Name];
            var members = target.IsDistrictTarget
                ? resolved.Districts.Select(d => d.Name)
                : resolved.Devices.Select(d => d.Id);
            var shown = members.Take(8).ToList();
            var more = (target.IsDistrictTarget ? resolved.Districts.Count : resolved.Devices.Count) - shown.Count;
            console.MarkupLineInterpolated($"  {target.Name}: {string.Join(", ", shown)}{(more > 0 ? $" and {more} more" : string.Empty)}");
        }

        console.MarkupLineInterpolated($"Ground truth ({play.Warnings.Count} warnings, {play.Expectations.Count} expectations, {faults} faulty devices of the simulation itself): {groundTruthPath}");
    }

    private static string StartDescription(ScenarioStartTime start) => start.Days switch
    {
        ScenarioDays.Weekdays => $"{start.LocalTime:HH:mm} Mon–Fri",
        ScenarioDays.Weekend => $"{start.LocalTime:HH:mm} Sat–Sun",
        _ => $"{start.LocalTime:HH:mm}",
    };
}
