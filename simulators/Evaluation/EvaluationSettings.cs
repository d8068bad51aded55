using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>What an evaluation runs on: seed, times and tolerances. The defaults make it reproducible to the digit.</summary>
internal sealed record EvaluationSettings
{
    /// <summary>Simulation seed (readings, faults, drill targets). Default 2020, as every other command.</summary>
    public int Seed { get; init; } = ProvinceLayout.DefaultSeed;

    /// <summary>How long twins see their devices before scoring starts. Default 1 hour.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How far before onset and after the end of a ground-truth warning an alert still matches it. Default 5 minutes.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Each drill is played at the latest start (at its local time, on its days) that ends before this moment. Default
    /// Monday 2026-03-09 00:00 UTC, fixed so a seed always gives the same runs.
    /// </summary>
    public DateTimeOffset DrillsBefore { get; init; } = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where the quiet run's scoring begins: Monday 2026-03-02 00:00 in Vietnam (UTC+7).</summary>
    public DateTimeOffset QuietStart { get; init; } = new(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Event-window tolerance for the labelled series, in points after a window's end. Default 3.</summary>
    public int SeriesTolerance { get; init; } = 3;
}
