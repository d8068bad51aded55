using Microsoft.Extensions.Logging;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// Calls the alert's grain off the caller's thread: the directory decides inside another alert's turn (the change
/// feed), where waiting on a grain call could deadlock and where a call to that same alert would interleave with it.
/// </summary>
internal sealed class GrainAlertCorroborator(IGrainFactory grains, ILogger<GrainAlertCorroborator> logger) : IAlertCorroborator
{
    public void Corroborate(string alertId, IReadOnlyList<string> confirmedBy)
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => CorroborateAsync(alertId, confirmedBy));
        }
    }

    private async Task CorroborateAsync(string alertId, IReadOnlyList<string> confirmedBy)
    {
        try
        {
            await grains.GetGrain<IAlert>(alertId).Corroborate(confirmedBy);
        }
        catch (Exception exception)
        {
            // The incident still groups them and shows their highest severity; only this alert's own bump is lost.
            AlertDirectoryLog.CorroborationFailed(logger, exception, alertId);
        }
    }
}
