using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SmartCity.Twin.Benchmarks.Detectors;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks -- detectors [--quick]</c>: ns and bytes per point of each detector.
/// In-process, so it measures the build that is already there instead of generating and building a project of its own.
/// </summary>
internal static class DetectorBenchmarkCommand
{
    public static int Run(string[] args)
    {
        var job = args.Contains("--quick") ? Job.ShortRun : Job.Default;
        var config = DefaultConfig.Instance.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        var summary = BenchmarkRunner.Run<DetectorBenchmark>(config);
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}
