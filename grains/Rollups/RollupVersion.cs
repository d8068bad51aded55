namespace SmartCity.Twin.Grains.Rollups;

/// <summary>
/// Versions of roll-up contributions: strictly increasing per sender, and at least the current Unix time in
/// milliseconds, so that a sender whose last version was lost (crash before its state was written) still produces
/// versions newer than anything it sent before.
/// </summary>
internal static class RollupVersion
{
    public static long Next(long previous, DateTimeOffset now) => Math.Max(previous + 1, now.ToUnixTimeMilliseconds());
}
