using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Live client {ConnectionId} fell behind ({Reason}): pending deltas dropped, fresh snapshots follow")]
    public static partial void FellBehind(ILogger logger, string connectionId, LiveFallBehindReason reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Live push to {ConnectionId} for {SubscriptionId} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, string connectionId, string subscriptionId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Live client {ConnectionId} subscribed {SubscriptionId} ({Scope})")]
    public static partial void Subscribed(ILogger logger, string connectionId, string subscriptionId, LiveScope scope);
}
