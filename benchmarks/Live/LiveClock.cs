using System.Diagnostics;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>Microseconds since the benchmark started, on the monotonic clock: stamped into telemetry by devices, read back by hub clients.</summary>
internal static class LiveClock
{
    private static readonly long Epoch = Stopwatch.GetTimestamp();

    public static double Microseconds => (Stopwatch.GetTimestamp() - Epoch) * 1_000_000.0 / Stopwatch.Frequency;
}
