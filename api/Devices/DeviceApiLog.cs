using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Devices;

internal static partial class DeviceApiLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Refused an HTTP device request for '{DeviceId}': {Reason}")]
    public static partial void CredentialRefused(ILogger logger, string deviceId, string reason);
}
