using SmartCity.Twin.Simulators.Evaluation;
using SmartCity.Twin.Simulators.Running;
using SmartCity.Twin.Simulators.Tests.Commands;

namespace SmartCity.Twin.Simulators.Tests.Evaluation;

/// <summary>`evaluate` through the real command line: tables on the console, results between the markers of a Markdown file.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task The_results_replace_what_is_between_the_markers_and_the_prose_around_them_stays()
    {
        var path = Path.Combine(Path.GetTempPath(), $"detection-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, $"# Detection\n\nHow it is scored.\n\n{DetectionMarkdown.Begin}\nold numbers\n{DetectionMarkdown.End}\n\nAfterword.\n");
        try
        {
            var cli = new CliConsole();

            var exit = await cli.RunAsync("evaluate", "--only", "drills", "--scenario", "fire-public-building", "--markdown", path);

            Assert.Equal(ExitCodes.Succeeded, exit);
            var text = File.ReadAllText(path);
            Assert.StartsWith("# Detection\n\nHow it is scored.\n\n" + DetectionMarkdown.Begin, text, StringComparison.Ordinal);
            Assert.EndsWith(DetectionMarkdown.End + "\n\nAfterword.\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("old numbers", text, StringComparison.Ordinal);
            Assert.Contains("| fire-public-building | fire | 1 | 0 | 0 |", text, StringComparison.Ordinal);
            Assert.Contains("evaluate --only drills --scenario fire-public-building", text, StringComparison.Ordinal);
            Assert.Contains(cli.Lines, l => l.StartsWith("fire-public-building: ", StringComparison.Ordinal) && l.Contains("fire 1/1", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--only", "everything", "--only 'everything'")]
    [InlineData("--scenario", "earthquake", "--scenario 'earthquake'")]
    [InlineData("--province", "ha-noi", "--province 'ha-noi'")]
    [InlineData("--days", "-1", "--days")]
    public async Task A_wrong_option_is_told_in_one_line_with_exit_code_2(string option, string value, string named)
    {
        var cli = new CliConsole();

        var exit = await cli.RunAsync("evaluate", option, value);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains(named, Assert.Single(cli.Lines), StringComparison.Ordinal);
    }
}
