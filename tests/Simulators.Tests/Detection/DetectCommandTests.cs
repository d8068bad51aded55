using System.Globalization;
using SmartCity.Twin.Simulation.Labelled;
using SmartCity.Twin.Simulators.Running;
using SmartCity.Twin.Simulators.Tests.Commands;

namespace SmartCity.Twin.Simulators.Tests.Detection;

/// <summary>`detect` through the real command line, on series from the labelled generator and on broken files.</summary>
public sealed class DetectCommandTests
{
    private const string ScoredHeader = "timestamp,value,anomaly_score,label";

    [Fact]
    public async Task Every_series_in_a_folder_tree_gets_a_scored_copy_at_the_same_relative_path_with_its_spikes_labelled()
    {
        using var folder = new SeriesFolder();
        var series = new Dictionary<string, LabelledSeries>
        {
            ["pm25.csv"] = folder.Add("pm25.csv", LabelledSeriesKind.Pm25, seed: 1, points: 3000, InjectedAnomalyKind.Spike),
            [Path.Combine("district-a", "temperature.csv")] = folder.Add(Path.Combine("district-a", "temperature.csv"), LabelledSeriesKind.Temperature, seed: 2, points: 3000, InjectedAnomalyKind.Spike),
            [Path.Combine("district-a", "counters", "queue.CSV")] = folder.Add(Path.Combine("district-a", "counters", "queue.CSV"), LabelledSeriesKind.VehicleCount, seed: 3, points: 3000, InjectedAnomalyKind.Spike),
        };
        folder.AddText("notes.txt", "not a series");
        var cli = new CliConsole();

        var exit = await cli.RunAsync("detect", "--input", folder.Input, "--output", folder.Output);

        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Equal(
            series.Keys.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(folder.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Output, f)).Order(StringComparer.Ordinal));
        int spikes = 0, labelled = 0;
        var missed = new List<string>();
        foreach (var (relative, input) in series)
        {
            var lines = File.ReadAllLines(Path.Combine(folder.Output, relative));
            Assert.Equal(ScoredHeader, lines[0]);
            Assert.Equal(input.Values.Length, lines.Length - 1);
            var inputLines = File.ReadAllLines(Path.Combine(folder.Input, relative));
            var labels = new bool[input.Values.Length];
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                Assert.Equal(4, cells.Length);
                Assert.Equal(inputLines[i], cells[0] + "," + cells[1]);
                var score = double.Parse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.InRange(score, 0, 1);
                Assert.Contains(cells[3], new[] { "0", "1" });
                labels[i - 1] = cells[3] == "1";
            }

            foreach (var window in input.Windows)
            {
                spikes++;
                var found = labels.AsSpan(window.Start, window.Length).Contains(true);
                labelled += found ? 1 : 0;
                if (!found)
                {
                    missed.Add($"{relative}@{window.Start}");
                }
            }
        }

        Assert.True(spikes >= 20, $"the generator injected only {spikes} spikes");
        // How many the default detector finds is measured by `evaluate` (docs/detection.md); here the labels must sit on
        // the spikes' rows, which a misaligned or shuffled output would not do for most of them.
        Assert.True(labelled * 3 >= spikes * 2, $"{labelled} of {spikes} injected spikes were labelled 1; missed {string.Join(", ", missed)}");
    }

    [Fact]
    public async Task A_single_file_is_scored_into_the_output_folder_under_its_own_name()
    {
        using var folder = new SeriesFolder();
        var series = folder.Add("station.csv", LabelledSeriesKind.Pm25, seed: 4, points: 500);
        var cli = new CliConsole();

        var exit = await cli.RunAsync("detect", "--input", Path.Combine(folder.Input, "station.csv"), "--output", folder.Output);

        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Equal(series.Values.Length + 1, File.ReadAllLines(Path.Combine(folder.Output, "station.csv")).Length);
    }

    [Theory]
    [InlineData("timestamp,value\n2026-03-01T00:00:00Z,1.5\n2026-03-01T00:05:00Z,2\n2026-03-01T00:10:00Z,n/a\n", "line 4", "'n/a' is not a number")]
    [InlineData("timestamp,value\n2026-03-01T00:00:00Z,1.5\n2026-03-01T00:10:00Z,2\n2026-03-01T00:05:00Z,3\n", "line 4", "earlier than the row before")]
    [InlineData("time;value\n2026-03-01T00:00:00Z;1.5\n", "line 1", "expected 'timestamp,value'")]
    [InlineData("timestamp,value\nyesterday,1.5\n", "line 2", "neither an ISO 8601 date-time nor a number")]
    public async Task A_bad_row_is_named_by_file_and_line_and_the_other_files_are_still_scored(string text, string line, string problem)
    {
        using var folder = new SeriesFolder();
        folder.AddText("broken.csv", text);
        folder.Add("good.csv", LabelledSeriesKind.Temperature, seed: 5, points: 400);
        var cli = new CliConsole();

        var exit = await cli.RunAsync("detect", "--input", folder.Input, "--output", folder.Output);

        Assert.Equal(ExitCodes.Failed, exit);
        var error = Assert.Single(cli.Lines, l => l.StartsWith(Path.Combine(folder.Input, "broken.csv") + ", line", StringComparison.Ordinal));
        Assert.Contains(line, error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Output, "broken.csv")));
        Assert.Empty(Directory.EnumerateFiles(folder.Output, "*.partial"));
        Assert.Equal(401, File.ReadAllLines(Path.Combine(folder.Output, "good.csv")).Length);
    }

    [Fact]
    public async Task Numeric_timestamps_are_accepted_and_echoed_as_given()
    {
        using var folder = new SeriesFolder();
        folder.AddText("indexed.csv", "timestamp,value\n1,10\n2,10.5\n3,9.75\n");
        var cli = new CliConsole();

        var exit = await cli.RunAsync("detect", "--input", folder.Input, "--output", folder.Output);

        Assert.Equal(ExitCodes.Succeeded, exit);
        var rows = File.ReadAllLines(Path.Combine(folder.Output, "indexed.csv"));
        Assert.Equal(["1,10", "2,10.5", "3,9.75"], rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));
    }

    [Fact]
    public async Task A_missing_input_is_a_usage_error_in_one_line()
    {
        using var folder = new SeriesFolder();
        var cli = new CliConsole();

        var exit = await cli.RunAsync("detect", "--input", Path.Combine(folder.Root, "nowhere"), "--output", folder.Output);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("--input", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }
}
