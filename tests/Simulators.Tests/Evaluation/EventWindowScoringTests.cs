using SmartCity.Twin.Simulation.Labelled;
using SmartCity.Twin.Simulators.Evaluation;

namespace SmartCity.Twin.Simulators.Tests.Evaluation;

/// <summary>Event-window scoring on hand-made alarms: which windows are found, how late, and how false alarms are counted.</summary>
public sealed class EventWindowScoringTests
{
    [Fact]
    public void A_window_is_found_by_its_first_alarm_and_its_latency_is_counted_from_the_window_start()
    {
        AnomalyWindow[] windows = [W(100, 110), W(300, 305)];

        var counts = EventWindowScoring.Score(windows, [103, 104, 105, 301], tolerance: 0);

        Assert.Equal(2, counts.TruePositives);
        Assert.Equal(0, counts.FalsePositives);
        Assert.Equal(0, counts.FalseNegatives);
        Assert.Equal(2.0, counts.MeanLatency);
        Assert.Equal(3.0, counts.LatencyMax);
        Assert.Equal(1.0, counts.Precision);
        Assert.Equal(1.0, counts.Recall);
        Assert.Equal(1.0, counts.F1);
    }

    [Fact]
    public void An_alarm_within_the_tolerance_after_a_window_finds_it_and_one_beyond_is_false()
    {
        AnomalyWindow[] windows = [W(50, 50)];

        var late = EventWindowScoring.Score(windows, [53], tolerance: 3);
        var tooLate = EventWindowScoring.Score(windows, [54], tolerance: 3);

        Assert.Equal((1, 0, 0, 3.0), (late.TruePositives, late.FalsePositives, late.FalseNegatives, late.LatencySum));
        Assert.Equal((0, 1, 1), (tooLate.TruePositives, tooLate.FalsePositives, tooLate.FalseNegatives));
    }

    [Fact]
    public void A_run_of_false_alarms_counts_once_and_a_separate_one_counts_again()
    {
        AnomalyWindow[] windows = [W(200, 210)];

        // 10–13 is one false episode, 40 another; 205 finds the window; 500 is a third false one.
        var counts = EventWindowScoring.Score(windows, [10, 11, 12, 13, 40, 205, 500], tolerance: 0);

        Assert.Equal(1, counts.TruePositives);
        Assert.Equal(3, counts.FalsePositives);
        Assert.Equal(0, counts.FalseNegatives);
        Assert.Equal(0.25, counts.Precision);
        Assert.Equal(1.0, counts.Recall);
        Assert.Equal(0.4, counts.F1!.Value, 12);
        Assert.Equal(5.0, counts.MeanLatency);
    }

    [Fact]
    public void Missed_windows_lower_recall_and_no_alarm_at_all_leaves_precision_undefined()
    {
        AnomalyWindow[] windows = [W(10, 12), W(40, 44), W(90, 91)];

        var some = EventWindowScoring.Score(windows, [41], tolerance: 2);
        var none = EventWindowScoring.Score(windows, [], tolerance: 2);

        Assert.Equal((1, 0, 2), (some.TruePositives, some.FalsePositives, some.FalseNegatives));
        Assert.Equal(1.0 / 3, some.Recall!.Value, 12);
        Assert.Equal(0.5, some.F1!.Value, 12);
        Assert.Null(none.Precision);
        Assert.Equal(0.0, none.Recall);
        Assert.Null(none.F1);
        Assert.Null(none.MeanLatency);
    }

    [Fact]
    public void The_tolerance_never_lends_a_window_the_next_windows_alarms()
    {
        AnomalyWindow[] windows = [W(10, 12), W(14, 20)];

        var counts = EventWindowScoring.Score(windows, [15], tolerance: 5);

        Assert.Equal((1, 0, 1), (counts.TruePositives, counts.FalsePositives, counts.FalseNegatives));
        Assert.Equal(1.0, counts.MeanLatency);
    }

    [Fact]
    public void Tallies_of_several_series_add_up()
    {
        var first = EventWindowScoring.Score([W(5, 6)], [8], tolerance: 2);
        var second = EventWindowScoring.Score([W(5, 6), W(20, 20)], [5, 30], tolerance: 2);

        var total = first.Add(second);

        Assert.Equal((2, 1, 1), (total.TruePositives, total.FalsePositives, total.FalseNegatives));
        Assert.Equal(1.5, total.MeanLatency);
        Assert.Equal(3.0, total.LatencyMax);
    }

    /// <summary>A window from <paramref name="first"/> to <paramref name="last"/>, both anomalous.</summary>
    private static AnomalyWindow W(int first, int last) =>
        new(InjectedAnomalyKind.LevelShift, first, last + 1, DateTimeOffset.UnixEpoch.AddMinutes(first), DateTimeOffset.UnixEpoch.AddMinutes(last));
}
