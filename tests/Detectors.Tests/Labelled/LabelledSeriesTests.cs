using SmartCity.Twin.Simulation.Labelled;

namespace SmartCity.Twin.Detectors.Tests.Labelled;

public sealed class LabelledSeriesTests
{
    [Theory]
    [InlineData("Pm25")]
    [InlineData("Temperature")]
    [InlineData("QueueLength")]
    [InlineData("VehicleCount")]
    public void The_same_seed_gives_the_same_series_with_labels_exactly_on_the_injected_windows(string kindName)
    {
        var kind = Enum.Parse<LabelledSeriesKind>(kindName);
        var first = LabelledSeries.Generate(kind, 7, 5000, TimeSpan.FromMinutes(5));
        var again = LabelledSeries.Generate(kind, 7, 5000, TimeSpan.FromMinutes(5));

        Assert.Equal(first.Values, again.Values);
        Assert.Equal(first.Labels, again.Labels);
        Assert.InRange(first.Windows.Count, 10, 20);
        var labelled = first.Windows.Sum(w => w.Length);
        Assert.Equal(labelled, first.Labels.Count(l => l));
        Assert.All(first.Windows, w => Assert.True(w.Start >= 300 && w.End <= 5000));
        Assert.All(first.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(first.Timestamps[0] + TimeSpan.FromMinutes(5 * 4999), first.Timestamps[^1]);
    }

    [Fact]
    public void Different_seeds_give_different_series()
    {
        var one = LabelledSeries.Generate(LabelledSeriesKind.Pm25, 1, 2000, TimeSpan.FromMinutes(5));
        var two = LabelledSeries.Generate(LabelledSeriesKind.Pm25, 2, 2000, TimeSpan.FromMinutes(5));

        Assert.NotEqual(one.Values, two.Values);
    }

    [Fact]
    public void A_stuck_window_repeats_one_value_and_a_spike_stands_far_above_its_neighbours()
    {
        var options = new LabelledSeriesOptions { Kinds = [InjectedAnomalyKind.Stuck, InjectedAnomalyKind.Spike] };
        var series = LabelledSeries.Generate(LabelledSeriesKind.Temperature, 3, 6000, TimeSpan.FromMinutes(5), options);

        Assert.Contains(series.Windows, w => w.Kind == InjectedAnomalyKind.Stuck);
        Assert.Contains(series.Windows, w => w.Kind == InjectedAnomalyKind.Spike);
        foreach (var window in series.Windows)
        {
            var inside = series.Values[window.Start..window.End];
            if (window.Kind == InjectedAnomalyKind.Stuck)
            {
                Assert.All(inside, v => Assert.Equal(inside[0], v));
            }
            else
            {
                Assert.True(inside.Min() - series.Values[window.Start - 1] > 4 * series.NoiseScale);
            }
        }
    }

    [Fact]
    public void The_csv_has_a_header_and_one_row_per_point_in_the_detect_commands_format()
    {
        var series = LabelledSeries.Generate(LabelledSeriesKind.VehicleCount, 5, 400, TimeSpan.FromSeconds(30));
        using var writer = new StringWriter();

        series.WriteCsv(writer, withLabels: true);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("timestamp,value,label", lines[0]);
        Assert.Equal(401, lines.Length);
        Assert.StartsWith("2026-03-01T17:00:30Z,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Scoring_counts_a_found_anomaly_a_missed_one_and_a_false_alarm_run()
    {
        var series = LabelledSeries.Generate(LabelledSeriesKind.Pm25, 11, 3000, TimeSpan.FromMinutes(5));
        var flagged = new bool[series.Values.Length];
        var first = series.Windows[0];
        flagged[first.Start + (first.Length / 2)] = true;
        flagged[10] = true;
        flagged[11] = true;

        var outcome = DetectionOutcome.Score(series, flagged);

        Assert.Equal(series.Windows.Count, outcome.Anomalies);
        Assert.Equal(1, outcome.Found);
        Assert.Equal(1, outcome.FalseAlarms);
        Assert.Equal(0.5, outcome.Precision);
        Assert.Equal(first.Length / 2, outcome.MeanLatencyPoints);
    }
}
