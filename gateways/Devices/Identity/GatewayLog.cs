using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Gateways.Devices.Identity;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3051, Level = LogLevel.Information, Message = "Gateway '{Name}' connected over MQTT as client '{ClientId}' with a write:telemetry key")]
    public static partial void GatewayConnected(ILogger logger, string name, string clientId);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "Gateway '{Name}' dropped ({Reason}): reporting {Count} of the devices it spoke for offline")]
    public static partial void GatewayDropped(ILogger logger, string name, MqttConnectionCloseReason reason, int count);

    [LoggerMessage(EventId = 3053, Level = LogLevel.Warning, Message = "Could not report device {DeviceId} offline after its gateway dropped")]
    public static partial void OfflineReportFailed(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(EventId = 3054, Level = LogLevel.Warning, Message = "Could not look up the registration of device {DeviceId} for gateway '{Name}'")]
    public static partial void RegistrationLookupFailed(ILogger logger, Exception exception, string deviceId, string name);
}
