using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Observation;

internal static partial class TwinChangeFeedLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Twin observer {Observer} failed on a change of {TwinId}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string twinId);
}
