using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.FireAlarms;

[GrainType("fire-alarm")]
internal sealed class FireAlarmTwinGrain(
    [PersistentState("twin")] IPersistentState<FireAlarmTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<FireAlarmTwinGrain> logger)
    : DeviceTwinGrain<FireAlarmTwinState>(state, provinceMap, changes, options, logger), IFireAlarmTwin
{
    protected override DeviceKind Kind => DeviceKind.FireAlarm;

    public async Task ReportPanelState(FirePanelState state, DateTimeOffset at)
    {
        var changed = false;
        if (State.PanelStateSince is null || at >= State.PanelStateSince)
        {
            changed = State.PanelState != state || State.PanelStateSince is null;
            if (changed)
            {
                State.PanelState = state;
                State.PanelStateSince = at;
            }
        }

        // A fire panel changing state is safety-relevant: never leave it to the periodic save.
        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow(), persist: changed);
        if (changed)
        {
            PublishChange(DeviceTwinChangeKind.Event, eventType: state switch
            {
                FirePanelState.PreAlarm => "panel-pre-alarm",
                FirePanelState.Alarm => "panel-alarm",
                FirePanelState.Fault => "panel-fault",
                _ => "panel-normal",
            });
        }
    }

    public Task<FirePanelStatus> GetPanelStatus() => Task.FromResult(new FirePanelStatus(State.PanelState, State.PanelStateSince));
}
