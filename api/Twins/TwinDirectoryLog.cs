using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Twins;

internal static partial class TwinDirectoryLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Twin directory loaded {Count} twins from storage in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Grain storage {StorageType} cannot list its states; the twin directory starts empty and fills as twins report")]
    public static partial void NoCatalog(ILogger logger, string storageType);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Twin directory load from storage failed after {Count} twins; the rest appear as they report")]
    public static partial void LoadFailed(ILogger logger, Exception exception, int count);
}
