using SmartCity.Twin.Simulators.Evaluation;

namespace SmartCity.Twin.Simulators.Tests.Evaluation;

/// <summary>Domain warnings against ground truth: type and twin must match, within the warning's span and the tolerance.</summary>
public sealed class WarningMatchingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_fire_alert_on_the_right_panel_after_onset_is_found_with_its_latency_in_seconds()
    {
        ExpectedWarning[] expected = [new("fire", "fa-1", T0.AddMinutes(6), null)];
        RaisedWarning[] raised = [Raised("fire", "fa-1", T0.AddMinutes(6).AddSeconds(20))];

        var scores = WarningMatching.Score(expected, raised, Tolerance, runEnd: T0.AddMinutes(30));

        var fire = scores["fire"];
        Assert.Equal((1, 0, 0), (fire.TruePositives, fire.FalsePositives, fire.FalseNegatives));
        Assert.Equal(20.0, fire.MeanLatency);
    }

    [Fact]
    public void An_alert_on_another_twin_or_of_another_type_is_false_and_the_warning_missed()
    {
        ExpectedWarning[] expected = [new("fire", "fa-1", T0, T0.AddMinutes(10))];
        RaisedWarning[] raised = [Raised("fire", "fa-2", T0.AddMinutes(1)), Raised("fire-pre-alarm", "fa-1", T0.AddMinutes(1))];

        var scores = WarningMatching.Score(expected, raised, Tolerance, runEnd: T0.AddMinutes(30));

        Assert.Equal((0, 1, 1), (scores["fire"].TruePositives, scores["fire"].FalsePositives, scores["fire"].FalseNegatives));
        Assert.Equal((0, 1, 0), (scores["fire-pre-alarm"].TruePositives, scores["fire-pre-alarm"].FalsePositives, scores["fire-pre-alarm"].FalseNegatives));
    }

    [Fact]
    public void The_span_is_widened_by_the_tolerance_on_both_sides_and_no_further()
    {
        ExpectedWarning[] expected = [new("offline", "cam-1", T0.AddMinutes(5), T0.AddMinutes(45))];

        var early = WarningMatching.Score(expected, [Raised("offline", "cam-1", T0.AddMinutes(3))], Tolerance, T0.AddHours(1));
        var tooEarly = WarningMatching.Score(expected, [Raised("offline", "cam-1", T0.AddMinutes(2).AddSeconds(59))], Tolerance, T0.AddHours(1));
        var late = WarningMatching.Score(expected, [Raised("offline", "cam-1", T0.AddMinutes(47))], Tolerance, T0.AddHours(1));

        Assert.Equal(-120.0, early["offline"].MeanLatency);
        Assert.Equal((0, 1, 1), (tooEarly["offline"].TruePositives, tooEarly["offline"].FalsePositives, tooEarly["offline"].FalseNegatives));
        Assert.Equal(1, late["offline"].TruePositives);
    }

    [Fact]
    public void A_condition_coming_back_within_a_found_warning_is_not_a_false_alert_and_excused_alerts_are_not_counted()
    {
        ExpectedWarning[] expected = [new("congestion", "ix-1", T0.AddMinutes(20), T0.AddMinutes(70))];
        RaisedWarning[] raised =
        [
            Raised("congestion", "ix-1", T0.AddMinutes(25)),
            Raised("congestion", "ix-1", T0.AddMinutes(40)),
            Raised("offline", "ix-9", T0.AddMinutes(41)),
        ];

        var scores = WarningMatching.Score(expected, raised, Tolerance, T0.AddHours(2), excused: r => r.TwinId == "ix-9");

        Assert.Equal((1, 0, 0), (scores["congestion"].TruePositives, scores["congestion"].FalsePositives, scores["congestion"].FalseNegatives));
        Assert.Equal(300.0, scores["congestion"].MeanLatency);
        Assert.False(scores.ContainsKey("offline"));
    }

    [Fact]
    public void The_false_alerts_are_listed_in_time_order_for_the_rules_author()
    {
        ExpectedWarning[] expected = [new("fire", "fa-1", T0, null)];
        RaisedWarning[] raised = [Raised("officer-absent", "sc-2", T0.AddMinutes(9)), Raised("fire", "fa-1", T0), Raised("intrusion", "cam-4", T0.AddMinutes(3))];

        var match = WarningMatching.Match(expected, raised, Tolerance, T0.AddHours(1));

        Assert.Equal(["cam-4", "sc-2"], match.FalseAlerts.Select(a => a.TwinId));
        Assert.Equal(1, match.ByType["fire"].TruePositives);
    }

    private static RaisedWarning Raised(string type, string twin, DateTimeOffset at) => new(type, twin, at, $"{twin}.{type}.{at:HHmmss}", null);
}
