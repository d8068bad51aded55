using System.Globalization;

namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>The <c>mqtt</c> command: runs the benchmark, prints the table and writes it (and a CSV) under the output folder.</summary>
internal static class MqttBenchmarkCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = MqttBenchmarkSettings.Parse(args);
        var report = await new MqttLoadBenchmark(settings).RunAsync();
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);

        Directory.CreateDirectory(settings.OutputDirectory);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(settings.OutputDirectory, $"mqtt-{stamp}.md");
        await File.WriteAllTextAsync(path, markdown);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, $"mqtt-{stamp}.csv"), report.ToCsv());
        Console.Error.WriteLine($"Written {path} (and .csv).");
        return 0;
    }
}
