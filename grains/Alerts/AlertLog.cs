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

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Alert {AlertId} escalated to level {Level}: {From} → {To}, nobody acknowledged it")]
    public static partial void Escalated(ILogger logger, string alertId, int level, AlertSeverity from, AlertSeverity to);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Alert {AlertId} corroborated by {Count} alert(s) nearby: {From} → {To}")]
    public static partial void Corroborated(ILogger logger, string alertId, AlertSeverity from, AlertSeverity to, int count);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Alert {AlertId} is saved but its escalation could not be scheduled")]
    public static partial void EscalationNotScheduled(ILogger logger, Exception exception, string alertId);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning, Message = "Alert {AlertId} is handled but its escalation reminder could not be removed")]
    public static partial void EscalationNotStopped(ILogger logger, Exception exception, string alertId);
}
