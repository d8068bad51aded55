using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulators.Evaluation;
using SmartCity.Twin.Simulators.Running;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Commands;

/// <summary>
/// `evaluate`: how good detection is, measured. The library's detectors on labelled synthetic series (precision, recall,
/// F1, latency per anomaly kind), then the twins' own warnings in-process on the simulator: every drill over the living
/// province, and a quiet run of several days (false alerts per 1,000 sensor-days). Prints the tables and, with
/// <c>--markdown</c>, writes them into docs/detection.md.
/// </summary>
internal static class EvaluateCommand
{
    private const string SeriesPart = "series";
    private const string DrillsPart = "drills";
    private const string QuietPart = "quiet";

    public static Command Create(CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var days = new Option<int?>("--days") { Description = "Days of the quiet run (default: enough for 1,000 sensor-days, 7 in Thái Bình)" };
        var province = new Option<string>("--province")
        {
            Description = $"The province simulated: {string.Join(", ", ProvinceMap.AvailableProvinceIds)}",
            DefaultValueFactory = _ => ProvinceMap.DefaultProvinceId,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation and of the labelled series", DefaultValueFactory = _ => ProvinceLayout.DefaultSeed };
        var markdown = new Option<string?>("--markdown") { Description = "Write the results into this Markdown file (between its evaluate markers), e.g. docs/detection.md" };
        var scenarios = new Option<string[]>("--scenario") { Description = "Only these built-in drills (repeat the option; default: all)", AllowMultipleArgumentsPerToken = true };
        var only = new Option<string[]>("--only") { Description = $"Only these parts: {SeriesPart}, {DrillsPart}, {QuietPart} (default: all)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("evaluate", "Measures detection: detectors on labelled series, the twins' warnings on every drill and on a quiet run; writes docs/detection.md.");
        foreach (var option in new Option[] { days, province, seed, markdown, scenarios, only })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var console = common.Console;
            try
            {
                var provinceId = result.GetValue(province)!;
                if (!ProvinceMap.AvailableProvinceIds.Contains(provinceId, StringComparer.Ordinal))
                {
                    throw new UsageException($"--province '{provinceId}' does not ship; choose {string.Join(", ", ProvinceMap.AvailableProvinceIds)}.");
                }

                var parts = Parts(result.GetValue(only) ?? []);
                var drills = Drills(result.GetValue(scenarios) ?? []);
                var map = ProvinceMap.Load(provinceId);
                var simulated = SimulatedProvince.Create(map, DeviceCounts.For(map));
                var quietDays = result.GetValue(days) ?? (int)Math.Ceiling(1000.0 / simulated.Devices.Count);
                if (quietDays < 0)
                {
                    throw new UsageException($"--days must be 0 (no quiet run) or more, not {quietDays}.");
                }

                var settings = new EvaluationSettings { Seed = result.GetValue(seed) };
                var commandLine = "dotnet run --project simulators -- " + string.Join(' ', result.Tokens.Select(t => t.Value));
                var report = await RunAsync(console, simulated, settings, parts, drills, quietDays, cancellationToken).ConfigureAwait(false);
                Show(console, report);
                if (result.GetValue(markdown) is { } path)
                {
                    try
                    {
                        DetectionMarkdown.Write(path, report, commandLine.TrimEnd());
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new UsageException($"--markdown '{path}': {e.Message.ReplaceLineEndings(" ")}", e);
                    }

                    console.MarkupLineInterpolated($"Written to {path}.");
                }

                return ExitCodes.Succeeded;
            }
            catch (UsageException e)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return ExitCodes.BadUsage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine("Stopped.");
                return ExitCodes.Succeeded;
            }
        });
        return command;
    }

    private static async Task<EvaluationReport> RunAsync(
        IAnsiConsole console,
        SimulatedProvince province,
        EvaluationSettings settings,
        IReadOnlySet<string> parts,
        IReadOnlyList<Scenario> drills,
        int quietDays,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ranAt = DateTimeOffset.UtcNow;
        var detectors = new List<DetectorScore>();
        var seriesCount = 0;
        if (parts.Contains(SeriesPart))
        {
            var evaluation = new DetectorEvaluation(settings.Seed, settings.SeriesTolerance);
            seriesCount = evaluation.Series.Count;
            foreach (var detector in SeriesDetector.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var score = evaluation.Run(detector);
                detectors.Add(score);
                var total = score.Total;
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"{detector.Name}: F1 {total.F1 ?? 0:0.000} over {seriesCount} series ({score.Points:N0} points in {score.Wall.TotalSeconds:0.0} s)");
            }
        }

        var domain = new DomainEvaluation(province, settings);
        var drillScores = new List<DrillScore>();
        if (parts.Contains(DrillsPart))
        {
            foreach (var scenario in drills)
            {
                try
                {
                    var score = await domain.RunDrillAsync(scenario, cancellationToken).ConfigureAwait(false);
                    drillScores.Add(score);
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{scenario.Name}: {Describe(score.ByType)} ({score.Messages:N0} messages in {score.Wall.TotalSeconds:0.0} s)");
                    WarnOfRefusals(console, scenario.Name, score.Refusals);
                }
                catch (ScenarioException e)
                {
                    console.MarkupLineInterpolated($"[yellow]{scenario.Name} cannot be played here: {e.Message}[/]");
                }
            }
        }

        QuietRunScore? quiet = null;
        if (parts.Contains(QuietPart) && quietDays > 0)
        {
            var started = Stopwatch.StartNew();
            quiet = await domain.RunQuietAsync(
                quietDays,
                (day, alerts) => console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"quiet run: day {day} of {quietDays}, {alerts} alerts so far ({started.Elapsed.TotalSeconds:0} s)"),
                cancellationToken).ConfigureAwait(false);
            WarnOfRefusals(console, "quiet run", quiet.Refusals);
        }

        return new EvaluationReport(province.Map.Id, province.Devices.Count, settings, seriesCount, detectors, drillScores, quiet, ranAt, clock.Elapsed);
    }

    /// <summary>A message the twins refused never reached a rule: the numbers would silently be about less than was simulated.</summary>
    private static void WarnOfRefusals(IAnsiConsole console, string run, string? refusals)
    {
        if (refusals is not null)
        {
            console.MarkupLineInterpolated($"[yellow]{run}: the twins refused messages ({refusals})[/]");
        }
    }

    private static void Show(IAnsiConsole console, EvaluationReport report)
    {
        foreach (var table in report.Tables())
        {
            var shown = new Table().Title(Markup.Escape(table.Title));
            foreach (var header in table.Headers)
            {
                shown.AddColumn(Markup.Escape(header));
            }

            foreach (var row in table.Rows)
            {
                shown.AddRow(row.Select(Markup.Escape).ToArray());
            }

            console.Write(shown);
        }

        console.MarkupLineInterpolated($"[bold]{report.FireVerdict}[/]");
    }

    private static string Describe(IReadOnlyDictionary<string, EventCounts> byType) =>
        byType.Count == 0
            ? "no warning expected, none raised"
            : string.Join(", ", byType.Select(pair => string.Create(
                CultureInfo.InvariantCulture,
                $"{pair.Key} {pair.Value.TruePositives}/{pair.Value.TruePositives + pair.Value.FalseNegatives}{(pair.Value.MeanLatency is { } latency ? $" after {latency:0} s" : string.Empty)}{(pair.Value.FalsePositives > 0 ? $" +{pair.Value.FalsePositives} false" : string.Empty)}")));

    private static HashSet<string> Parts(string[] only)
    {
        string[] all = [SeriesPart, DrillsPart, QuietPart];
        if (only.Length == 0)
        {
            return [.. all];
        }

        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!all.Contains(part, StringComparer.Ordinal))
            {
                throw new UsageException($"--only '{part}' is not a part; choose {string.Join(", ", all)}.");
            }

            parts.Add(part);
        }

        return parts;
    }

    private static List<Scenario> Drills(string[] names)
    {
        if (names.Length == 0)
        {
            return [.. ScenarioCatalog.BuiltIn];
        }

        return names.Select(name => ScenarioCatalog.Find(name)
            ?? throw new UsageException($"--scenario '{name}' is not a built-in drill; choose {string.Join(", ", ScenarioCatalog.BuiltIn.Select(s => s.Name))}.")).ToList();
    }
}
