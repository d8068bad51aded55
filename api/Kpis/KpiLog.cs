using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Kpis;

internal static partial class KpiLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "KPI sample failed; the next one is taken at the next interval")]
    public static partial void SampleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The KPI sample at shutdown failed")]
    public static partial void FinalSampleFailed(ILogger logger, Exception exception);
}
