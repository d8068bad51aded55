using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Gateways.Devices;

internal static partial class DeviceEndpointLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Refused a message from device {DeviceId} on '{Topic}': {Reason}")]
    public static partial void MessageRefused(ILogger logger, string deviceId, string topic, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The twin of device {DeviceId} failed to apply a message")]
    public static partial void TwinCallFailed(ILogger logger, Exception? exception, string deviceId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Refused MQTT connection of client '{ClientId}' (user '{Username}'): {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string? username, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Device {DeviceId} ({Kind}) connected over MQTT as client '{ClientId}'")]
    public static partial void DeviceConnected(ILogger logger, string deviceId, DeviceKind kind, string clientId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Refused {Action} by {Identity} on '{Topic}': {Reason}")]
    public static partial void ActionRefused(ILogger logger, string action, string identity, string topic, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not retain the desired properties of device {DeviceId} again on its connection")]
    public static partial void DesiredRestoreFailed(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not withdraw the retained desired properties of deleted device {DeviceId}")]
    public static partial void DesiredWithdrawFailed(ILogger logger, Exception exception, string deviceId);
}
