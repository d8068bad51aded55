using System.Net.Http.Headers;
using System.Xml;
using Spectre.Console;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulation.Signals;
using SmartCity.Twin.Simulators.Provisioning;
using SmartCity.Twin.Simulators.Running;

namespace SmartCity.Twin.Simulators.Drills;

/// <summary>
/// Plays a scenario through a province run. With checks (or an observer), the simulation holds at each moment the
/// ground truth speaks of until the twins have been read, and the run stops after the last one — before the devices
/// sign off, which would turn every twin offline and spoil what is being checked.
/// </summary>
internal static class DrillRun
{
    public static async Task<int> RunAsync(
        ScenarioPlay play,
        SimulatedProvince devices,
        ProvinceRunSettings settings,
        IReadOnlyList<DeviceFault> faults,
        bool check,
        Func<DrillCheckpoint, CancellationToken, Task>? observer,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        settings = settings with { Start = play.Start };
        if (play.Checkpoints.Count == 0 && check)
        {
            console.MarkupLineInterpolated($"[yellow]'{play.Scenario.Name}' expects nothing of the twins (groundTruth.expectations is empty): nothing to check.[/]");
            check = false;
        }

        if ((!check && observer is null) || play.Checkpoints.Count == 0)
        {
            return await ProvinceRun.RunAsync(devices, [play.Effect], settings with { Duration = play.Scenario.Duration }, console, cancellationToken).ConfigureAwait(false);
        }

        using var admin = new HttpClient { BaseAddress = ApiRoot(settings.Api), Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var twins = new TwinStateCheck(new TwinApiClient(admin), TimeProvider.System, faults);
        var results = new List<ExpectationResult>();
        var remaining = play.Checkpoints.ToList();
        Exception? observerFailure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        play.Effect.PauseAt(play.Checkpoints, async moment =>
        {
            var checkpoint = new DrillCheckpoint(play, moment, play.Expectations.Where(e => e.At == moment).ToArray());
            try
            {
                if (check)
                {
                    results.AddRange(await twins.CheckAsync(checkpoint.Expectations, stop.Token).ConfigureAwait(false));
                }

                if (observer is not null)
                {
                    await observer(checkpoint, stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (observer is not null)
            {
                observerFailure = e;
                await stop.CancelAsync().ConfigureAwait(false);
                return;
            }

            remaining.Remove(moment);
            if (remaining.Count == 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        });

        // Until stopped: the last checkpoint stops the run, so the end of the scenario is reached and checked
        // before any sign-off, however far a single simulation step jumps.
        var exitCode = await ProvinceRun.RunAsync(devices, [play.Effect], settings with { Duration = null }, console, stop.Token).ConfigureAwait(false);
        if (observerFailure is not null)
        {
            throw new InvalidOperationException($"The drill's observer failed at a checkpoint: {observerFailure.Message}", observerFailure);
        }

        if (remaining.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]The run ended before the scenario reached +{XmlConvert.ToString(remaining[0] - play.Start)}; nothing more was checked.[/]");
            return exitCode == ExitCodes.Succeeded ? ExitCodes.Failed : exitCode;
        }

        console.MarkupLineInterpolated($"Drill complete: the run stopped at +{XmlConvert.ToString(play.Checkpoints[^1] - play.Start)}, after its last checkpoint.");
        if (!check)
        {
            return exitCode;
        }

        ShowResults(console, play, results);
        return results.Exists(r => r.Verdict == ExpectationVerdict.NotMet) ? ExitCodes.Failed : exitCode;
    }

    private static void ShowResults(IAnsiConsole console, ScenarioPlay play, List<ExpectationResult> results)
    {
        var table = new Table().Title($"Ground truth of {Markup.Escape(play.Scenario.Name)} against the twins");
        table.AddColumns("", "at", "twin", "expected", "seen");
        foreach (var result in results)
        {
            var mark = result.Verdict switch
            {
                ExpectationVerdict.Met => "[green]✔[/]",
                ExpectationVerdict.NotMet => "[red]✘[/]",
                ExpectationVerdict.Excused => "[yellow]~[/]",
                _ => "[grey]–[/]",
            };
            table.AddRow(
                mark,
                "+" + XmlConvert.ToString(result.Expected.Offset),
                Markup.Escape(result.Expected.Device.Id),
                Markup.Escape(result.Expected.Expectation.Describe()),
                Markup.Escape(result.Observed));
        }

        console.Write(table);
        var met = results.Count(r => r.Verdict == ExpectationVerdict.Met);
        var failed = results.Count(r => r.Verdict == ExpectationVerdict.NotMet);
        var excused = results.Count(r => r.Verdict == ExpectationVerdict.Excused);
        var unseen = results.Count - met - failed - excused;
        console.MarkupLineInterpolated(
            $"{met} met, {failed} not met, {excused} excused by the simulation's own faults, {unseen} not shown by the API (panel state, officer presence and camera events are in the ground truth file for scoring).");
    }

    private static Uri ApiRoot(Uri api) => api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
}
