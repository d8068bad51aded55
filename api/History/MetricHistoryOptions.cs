namespace SmartCity.Twin.Api.History;

/// <summary>The <c>History</c> section: how finely telemetry is kept, for how long, and how much may wait in memory.</summary>
internal sealed class MetricHistoryOptions
{
    public const string SectionName = "History";

    /// <summary>
    /// The width of a stored bucket (min, max, sum and count of the points in it). Default 1 minute; allowed 1 second
    /// to 1 hour, a whole number of seconds. Also the KPI sampling interval. Queries can ask for any multiple of it.
    /// </summary>
    public TimeSpan Resolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long buckets are kept; older ones are deleted periodically. Default 30 days; at least the resolution.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often closed buckets are written. Default 5 seconds; allowed 100 ms to 1 hour.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Buckets written per transaction. Default 5,000: short enough not to hold SQLite's write lock from grain state for long.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>
    /// Buckets still open (their interval not yet over) held in memory at most; a point for a new bucket beyond this
    /// is dropped and counted. Default 2,000,000 (about 200 MB): 100,000 devices × 4 metrics need 400,000, twice that
    /// across a bucket boundary.
    /// </summary>
    public int MaxOpenBuckets { get; set; } = 2_000_000;

    /// <summary>
    /// Closed buckets waiting to be written (the database slow or down) held at most; beyond it the oldest are dropped,
    /// so the latest history survives an outage. Default 2,000,000.
    /// </summary>
    public int MaxPendingBuckets { get; set; } = 2_000_000;

    /// <summary>How often buckets older than <see cref="Retention"/> are deleted. Default 1 hour.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    internal long ResolutionSeconds => (long)Resolution.TotalSeconds;
}
