using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Alerts;

internal static partial class AlertLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Alert {AlertId} raised: {Type} ({Severity}) on {TwinId}")]
    public static partial void Raised(ILogger logger, string alertId, string type, AlertSeverity severity, string twinId);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Alert {AlertId} {Action} by {By}")]
    public static partial void Handled(ILogger logger, string alertId, string action, string by);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Alert observer {Observer} failed on a change of {AlertId}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string alertId);
}
