using System.Globalization;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>The <c>live</c> command: runs the benchmark, prints the table and writes it under the output folder.</summary>
internal static class LiveBenchmarkCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = LiveBenchmarkSettings.Parse(args);
        var report = await new LiveBenchmark(settings).RunAsync();
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);

        Directory.CreateDirectory(settings.OutputDirectory);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(settings.OutputDirectory, $"live-{stamp}.md");
        await File.WriteAllTextAsync(path, markdown);
        Console.Error.WriteLine($"Written {path}.");
        return 0;
    }
}
