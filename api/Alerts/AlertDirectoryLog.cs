using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Alerts;

internal static partial class AlertDirectoryLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Alert directory loaded {Count} alerts from storage in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Alert directory could not load stored alerts after {Count}; it shows only alerts changed since the silo started")]
    public static partial void LoadFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Alert directory: grain storage {Storage} cannot list its states; stored alerts are not listed until they change")]
    public static partial void NoCatalog(ILogger logger, string storage);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Alert {AlertId} could not be told that alerts nearby corroborate it")]
    public static partial void CorroborationFailed(ILogger logger, Exception exception, string alertId);
}
