using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A scenario made concrete: played in one province, with one seed, from one simulated start. Knows the devices it
/// acts on, the effect that acts, the cast to simulate when it runs alone, and its ground truth in absolute time.
/// </summary>
internal sealed class ScenarioPlay
{
    /// <summary>A run starts this long before the latest possible start, so its end (and a check just after) is in the past.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private ScenarioPlay(Scenario scenario, SimulatedProvince province, int seed, DateTimeOffset start, IReadOnlyDictionary<string, ResolvedTarget> targets)
    {
        Scenario = scenario;
        Province = province;
        Seed = seed;
        Start = start;
        Targets = targets;
        Effect = new ScenarioEffect(start, End, scenario.Timeline, targets);
        var castIds = scenario.Cast.SelectMany(name => targets[name].Devices).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Cast = province.Only(d => castIds.Contains(d.Id));
        Warnings = scenario.Warnings
            .SelectMany(w => targets[w.Target].Devices.Select(d => new GroundTruthWarning(scenario.Name, w.Type, d, start + w.Onset, start + w.End, w.Severity)))
            .OrderBy(w => w.Onset)
            .ThenBy(w => w.Device.Id, StringComparer.Ordinal)
            .ToArray();
        Expectations = scenario.Expectations
            .SelectMany(e => targets[e.Target].Devices.Select(d => new GroundTruthExpectation(e, d, e.At ?? scenario.Duration, start + (e.At ?? scenario.Duration))))
            .OrderBy(e => e.At)
            .ToArray();
    }

    public Scenario Scenario { get; }

    public SimulatedProvince Province { get; }

    public int Seed { get; }

    /// <summary>Simulated start (UTC).</summary>
    public DateTimeOffset Start { get; }

    public DateTimeOffset End => Start + Scenario.Duration;

    public IReadOnlyDictionary<string, ResolvedTarget> Targets { get; }

    public ScenarioEffect Effect { get; }

    /// <summary>The devices simulated when the scenario runs alone.</summary>
    public SimulatedProvince Cast { get; }

    public IReadOnlyList<GroundTruthWarning> Warnings { get; }

    /// <summary>In time order.</summary>
    public IReadOnlyList<GroundTruthExpectation> Expectations { get; }

    /// <summary>The simulated moments the expectations are about, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Checkpoints => Expectations.Select(e => e.At).Distinct().Order().ToArray();

    /// <summary>Resolves <paramref name="scenario"/>'s targets in <paramref name="province"/>; throws <see cref="ScenarioException"/> when it cannot be played there.</summary>
    public static ScenarioPlay Create(Scenario scenario, SimulatedProvince province, int seed, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(province);
        return new ScenarioPlay(scenario, province, seed, start.ToUniversalTime(), ScenarioTargetResolver.Resolve(scenario, province, seed));
    }

    /// <summary>
    /// The simulated start for a run beginning at <paramref name="now"/>: the latest one at the scenario's local time
    /// (if it has one) from which the whole scenario, and a little more, lies in the past — simulated time may never
    /// run ahead of the wall clock, because the twin refuses readings from the future.
    /// </summary>
    public static DateTimeOffset ChooseStart(Scenario scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var latest = now - scenario.Duration - Margin;
        var start = scenario.StartsAt?.LatestOnOrBefore(latest) ?? latest;
        return new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
