using System.Diagnostics;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulation.Scenarios;
using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>
/// Scores the twins' own warnings on the simulator: each drill played over the living province, and a long quiet run.
/// Every run starts its twins a <see cref="EvaluationSettings.WarmUp"/> early so they have seen their devices before
/// scoring begins; alerts raised during the warm-up count only when they match the ground truth.
/// </summary>
internal sealed class DomainEvaluation(SimulatedProvince province, EvaluationSettings settings)
{
    public async Task<DrillScore> RunDrillAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var clock = Stopwatch.StartNew();
        var play = ScenarioPlay.Create(scenario, province, settings.Seed, ScenarioPlay.ChooseStart(scenario, settings.DrillsBefore));
        var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = play.Start - settings.WarmUp, Seed = settings.Seed });
        simulation.AddEffect(play.Effect);
        var expected = play.Warnings
            .Select(w => new ExpectedWarning(w.Type, w.Device.Id, w.Onset, w.End))
            .Concat(SensorFaults(simulation.Faults, play.End))
            .ToList();
        var (raised, messages, refusals) = await ReplayAsync(simulation, play.End + settings.Tolerance, progress: null, cancellationToken).ConfigureAwait(false);
        var match = WarningMatching.Match(expected, raised, settings.Tolerance, play.End, r => Excused(r, play.Start, simulation.Faults));
        return new DrillScore(scenario.Name, play.Start, scenario.Duration, match.ByType, match.FalseAlerts, messages, refusals, clock.Elapsed);
    }

    /// <param name="progress">Called after each simulated day with the day (1-based) and the alerts so far.</param>
    public async Task<QuietRunScore> RunQuietAsync(int days, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var clock = Stopwatch.StartNew();
        var start = settings.QuietStart;
        var end = start + TimeSpan.FromDays(days);
        var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = start - settings.WarmUp, Seed = settings.Seed });
        var (raised, messages, refusals) = await ReplayAsync(
            simulation,
            end,
            (reached, current) =>
            {
                if (reached > start && (reached - start).Ticks % TimeSpan.TicksPerDay == 0)
                {
                    progress?.Invoke((int)((reached - start).Ticks / TimeSpan.TicksPerDay), current.Alerts.Raised.Count);
                }
            },
            cancellationToken).ConfigureAwait(false);
        var expected = SensorFaults(simulation.Faults, end).ToList();
        var match = WarningMatching.Match(expected, raised, settings.Tolerance, end, r => Excused(r, start, simulation.Faults));
        return new QuietRunScore(start, days, province.Devices.Count, match.ByType, match.FalseAlerts, messages, refusals, clock.Elapsed);
    }

    /// <summary>The simulation's stuck and drifting sensors that have begun by <paramref name="end"/>: a twin that calls them a sensor fault is right.</summary>
    private static IEnumerable<ExpectedWarning> SensorFaults(IReadOnlyList<DeviceFault> faults, DateTimeOffset end) =>
        faults
            .Where(f => f.Kind != DeviceFaultKind.Dropout && f.From < end)
            .Select(f => new ExpectedWarning(WarningTypes.SensorFault, f.DeviceId, f.From, f.Until));

    /// <summary>
    /// Neither right nor false: an alert from the warm-up (the twin was still learning its device), or an offline alert
    /// on a device whose simulated connection drops out now and then (the ground truth has no fixed times for those).
    /// </summary>
    private static bool Excused(RaisedWarning alert, DateTimeOffset scoredFrom, IReadOnlyList<DeviceFault> faults) =>
        alert.At < scoredFrom
        || (alert.Type == WarningTypes.Offline && faults.Any(f => f.Kind == DeviceFaultKind.Dropout && f.DeviceId == alert.TwinId));

    private async Task<(IReadOnlyList<RaisedWarning> Raised, long Messages, string? Refusals)> ReplayAsync(
        ProvinceSimulation simulation,
        DateTimeOffset until,
        Action<DateTimeOffset, EvaluationSilo>? progress,
        CancellationToken cancellationToken)
    {
        var silo = await EvaluationSilo.StartAsync(province.Map.Id, simulation.Options.Start, cancellationToken).ConfigureAwait(false);
        await using (silo.ConfigureAwait(false))
        {
            await silo.ProvisionAsync(province.Devices, cancellationToken).ConfigureAwait(false);
            await silo.ReplayAsync(simulation, until, progress is null ? null : reached => progress(reached, silo), cancellationToken).ConfigureAwait(false);

            // Let what the last messages started (an alert raised from a timer, a call between twins) finish.
            await silo.SettleAsync(province.Devices).ConfigureAwait(false);
            var refusals = silo.Refused == 0 ? null : $"{silo.Refused:N0} refused, the last: {silo.LastRefusal}";
            return (silo.Alerts.Raised, silo.Accepted + silo.Refused, refusals);
        }
    }
}
