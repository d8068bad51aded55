using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Devices;

internal static partial class DeviceTwinLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Device twin {Kind}/{DeviceId} provisioned in district {DistrictId}")]
    public static partial void Provisioned(ILogger logger, DeviceKind kind, string deviceId, string districtId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Device twin {Kind}/{DeviceId} provisioned at {Longitude}, {Latitude}, outside every district of the province: it is not counted in any roll-up")]
    public static partial void OutsideProvince(ILogger logger, DeviceKind kind, string deviceId, double longitude, double latitude);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Device twin {Kind}/{DeviceId} dropped {Count} telemetry points (invalid metric name or value, timestamp out of range, or too many metrics)")]
    public static partial void PointsDropped(ILogger logger, DeviceKind kind, string deviceId, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Device twin {Kind}/{DeviceId} could not save its state; it stays in memory and is retried by the next save")]
    public static partial void PersistFailed(ILogger logger, Exception exception, DeviceKind kind, string deviceId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Device twin {Kind}/{DeviceId} liveness {Liveness} at {At}")]
    public static partial void LivenessChanged(ILogger logger, DeviceKind kind, string deviceId, DeviceLiveness liveness, DateTimeOffset at);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Device twin {Kind}/{DeviceId} ignored a stale {Status} report from {At}")]
    public static partial void StaleStatusIgnored(ILogger logger, DeviceKind kind, string deviceId, DeviceStatus status, DateTimeOffset at);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Device twin {Kind}/{DeviceId} removed")]
    public static partial void Removed(ILogger logger, DeviceKind kind, string deviceId);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Device twin {Kind}/{DeviceId} heard nothing since {LastSeen}: offline from {Deadline}")]
    public static partial void SilentTooLong(ILogger logger, DeviceKind kind, string deviceId, DateTimeOffset lastSeen, DateTimeOffset deadline);
}
