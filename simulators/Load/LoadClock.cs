using System.Diagnostics;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// Microseconds since the Unix epoch, read from the monotonic clock after one look at the wall clock: devices stamp it
/// into their telemetry and the probes read it back, so a latency never goes negative when NTP nudges the wall clock.
/// </summary>
internal static class LoadClock
{
    private static readonly long StartTimestamp = Stopwatch.GetTimestamp();
    private static readonly double StartUnixMicroseconds = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10.0;

    public static double UnixMicroseconds => StartUnixMicroseconds + (Stopwatch.GetElapsedTime(StartTimestamp).Ticks / 10.0);
}
