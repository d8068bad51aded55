using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Province;

internal static partial class ProvinceTwinLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Error, Message = "Province twin {ProvinceId} could not save its roll-up; it stays in memory and is retried by the next save")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string provinceId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Province twin {ProvinceId} ignored a roll-up from {DistrictId}, which is not one of its districts")]
    public static partial void UnknownDistrict(ILogger logger, string provinceId, string districtId);
}
