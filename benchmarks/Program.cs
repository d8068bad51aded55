using SmartCity.Twin.Benchmarks;

// dotnet run -c Release --project benchmarks -- runtime [--quick] [options]: the runtime load test (docs/performance.md).
// The throughput parts need their own measurement (open-loop producers, drain detection), hence no BenchmarkDotNet here.
if (args.Length == 0 || args[0] != "runtime")
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project benchmarks -- runtime [--quick] [--grains N] [--messages N] [--twin-messages N] [--repeats N] [--producers N]");
    Console.Error.WriteLine("       [--rpc-callers N] [--rpc-seconds S] [--memory-twins N] [--skip oneway,twin,rpc,memory] [--out DIR]");
    return 2;
}

var settings = BenchmarkSettings.Parse(args);
var report = await new RuntimeBenchmark(settings).RunAsync();
var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);

Directory.CreateDirectory(settings.OutputDirectory);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
var markdownPath = Path.Combine(settings.OutputDirectory, $"runtime-{stamp}.md");
await File.WriteAllTextAsync(markdownPath, markdown);
await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, $"runtime-{stamp}.csv"), report.ToCsv());
Console.Error.WriteLine($"Written {markdownPath} (and .csv).");
return 0;
