using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Districts;

internal static partial class DistrictTwinLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "District twin {DistrictId} could not save its roll-up; it stays in memory and is retried by the next save")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string districtId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "District twin {DistrictId} is not a district of province {ProvinceId}; device {DeviceId} was not counted")]
    public static partial void UnknownDistrict(ILogger logger, string districtId, string provinceId, string deviceId);
}
