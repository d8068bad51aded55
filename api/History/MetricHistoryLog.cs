using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.History;

internal static partial class MetricHistoryLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Writing metric history failed; {Pending} buckets kept in memory and retried")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int pending);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Writing metric history works again")]
    public static partial void WriteRecovered(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Dropped the {Count} oldest unwritten history buckets to stay within History:MaxPendingBuckets ({Max})")]
    public static partial void PendingDropped(ILogger logger, int count, int max);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Dropped {Count} telemetry points from history: more open buckets than History:MaxOpenBuckets ({Max})")]
    public static partial void PointsDropped(ILogger logger, long count, int max);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Deleted {Count} history buckets older than {Retention}")]
    public static partial void RetentionDeleted(ILogger logger, long count, TimeSpan retention);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Metric history loop failed; it carries on at the next interval")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Writing metric history at shutdown failed; {Pending} buckets lost")]
    public static partial void FinalFlushFailed(ILogger logger, Exception exception, int pending);
}
