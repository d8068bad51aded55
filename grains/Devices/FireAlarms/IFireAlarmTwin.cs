using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.FireAlarms;

/// <summary>The twin of a fire-alarm panel (grain type <c>fire-alarm</c>). Smoke obscuration, temperature and call points are telemetry.</summary>
public interface IFireAlarmTwin : IDeviceTwin
{
    /// <summary>The panel state as of <paramref name="at"/>; a report older than the current state's is ignored. Saved at once.</summary>
    Task ReportPanelState(FirePanelState state, DateTimeOffset at);

    [ReadOnly]
    Task<FirePanelStatus> GetPanelStatus();
}
