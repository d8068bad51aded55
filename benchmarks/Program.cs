using SmartCity.Twin.Benchmarks;
using SmartCity.Twin.Benchmarks.Detectors;
using SmartCity.Twin.Benchmarks.Live;
using SmartCity.Twin.Benchmarks.Mqtt;

// dotnet run -c Release --project benchmarks -- runtime [--quick] [options]: the runtime load test (docs/performance.md).
// The throughput parts need their own measurement (open-loop producers, drain detection), hence no BenchmarkDotNet here.
// dotnet run -c Release --project benchmarks -- mqtt [--quick] [options]: the MQTT endpoint load test; "mqtt-load" is its
// publisher child process.
// dotnet run -c Release --project benchmarks -- live [--quick] [options]: the live hub (SignalR) latency under MQTT load.
// dotnet run -c Release --project benchmarks -- detectors [--quick]: ns and bytes per point of each anomaly detector (BenchmarkDotNet).
if (args.Length > 0 && args[0] == "detectors")
{
    return DetectorBenchmarkCommand.Run(args);
}

if (args.Length > 0 && args[0] == "live")
{
    return await LiveBenchmarkCommand.RunAsync(args);
}

if (args.Length > 0 && args[0] == "mqtt")
{
    return await MqttBenchmarkCommand.RunAsync(args);
}

if (args.Length > 0 && args[0] == "mqtt-load")
{
    return await MqttLoadGenerator.RunAsync(args);
}

if (args.Length == 0 || args[0] != "runtime")
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project benchmarks -- runtime [--quick] [--grains N] [--messages N] [--twin-messages N] [--repeats N] [--producers N]");
    Console.Error.WriteLine("       [--rpc-callers N] [--rpc-seconds S] [--memory-twins N] [--skip oneway,twin,rpc,memory,detectors] [--out DIR]");
    Console.Error.WriteLine("   or: dotnet run -c Release --project benchmarks -- mqtt [--quick] [--connections N] [--seconds S] [--warmup S] [--window N]");
    Console.Error.WriteLine("       [--protocol 4|5] [--idle-connections N] [--skip endpoint,twin,mosquitto,idle] [--out DIR]");
    Console.Error.WriteLine("   or: dotnet run -c Release --project benchmarks -- live [--quick] [--rate N] [--devices N] [--clients N] [--max-pushes N]");
    Console.Error.WriteLine("       [--seconds S] [--warmup S] [--out DIR]");
    Console.Error.WriteLine("   or: dotnet run -c Release --project benchmarks -- detectors [--quick]");
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
