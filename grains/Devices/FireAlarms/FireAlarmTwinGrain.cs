using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Warnings.Fire;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.FireAlarms;

/// <remarks>
/// Warnings: <c>fire</c> while the panel alarms or the readings say fire (<see cref="FireReadings"/>), critical when the
/// panel alarms or backs the readings with its pre-alarm, high on readings alone; <c>fire-pre-alarm</c> while the panel
/// is in pre-alarm or smoke or the baselines say so. Raised once when a condition begins (at the time it began by the
/// panel's own clock), escalated once if the panel joins readings, cleared when every source is back to normal.
/// </remarks>
[GrainType("fire-alarm")]
internal sealed class FireAlarmTwinGrain(
    [PersistentState("twin")] IPersistentState<FireAlarmTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<FireAlarmTwinGrain> logger)
    : DeviceTwinGrain<FireAlarmTwinState>(state, provinceMap, changes, options, logger), IFireAlarmTwin
{
    private FireReadings? readings;

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

        if (changed && Warnings.Enabled)
        {
            await ReconcileWarningsAsync();
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

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (!Warnings.Enabled
            || !(string.Equals(metric, FireReadings.TemperatureMetric, StringComparison.Ordinal) || string.Equals(metric, FireReadings.SmokeMetric, StringComparison.Ordinal)))
        {
            return;
        }

        readings ??= new FireReadings(Warnings.Fire, State.Fire ??= new FireWatch());
        readings.Observe(metric, value, timestamp);
    }

    protected override Task OnTelemetryBatchRecordedAsync() => Warnings.Enabled && State.Fire is not null ? ReconcileWarningsAsync() : Task.CompletedTask;

    /// <summary>
    /// Brings the raised warnings in line with what the panel and the readings say now; nothing happens while they
    /// agree, so a reading in the middle of a fire costs no call.
    /// </summary>
    private async Task ReconcileWarningsAsync()
    {
        var state = State;
        var watch = state.Fire;
        var panel = state.PanelState;
        var panelSince = state.PanelStateSince;
        var options = Warnings.Fire;

        var readingsFire = watch?.FireSince;
        var panelAlarm = panel == FirePanelState.Alarm;
        if (readingsFire is not null || panelAlarm)
        {
            var critical = panelAlarm || panel == FirePanelState.PreAlarm;
            if (!state.FireRaised || (critical && !state.FireRaisedCritical))
            {
                var since = Earliest(readingsFire, panelAlarm ? panelSince : null);
                await RaiseWarning(WarningTypes.Fire, new WarningDetails(
                    FireMessages.Fire(watch, options, panel),
                    FireMessages.Evidence(watch, panel),
                    since,
                    critical ? AlertSeverity.Critical : AlertSeverity.High));
                state.FireRaised = true;
                state.FireRaisedCritical = critical;
                MarkDirty();
            }
        }
        else if (state.FireRaised)
        {
            state.FireRaised = false;
            state.FireRaisedCritical = false;
            MarkDirty();
            await ClearWarningIfActiveAsync(WarningTypes.Fire);
        }

        var readingsPreAlarm = watch?.PreAlarmSince;
        var panelPreAlarm = panel == FirePanelState.PreAlarm;
        if (readingsPreAlarm is not null || panelPreAlarm)
        {
            if (!state.PreAlarmRaised)
            {
                await RaiseWarning(WarningTypes.FirePreAlarm, new WarningDetails(
                    FireMessages.PreAlarm(watch, options, panel),
                    FireMessages.Evidence(watch, panel),
                    Earliest(readingsPreAlarm, panelPreAlarm ? panelSince : null)));
                state.PreAlarmRaised = true;
                MarkDirty();
            }
        }
        else if (state.PreAlarmRaised)
        {
            state.PreAlarmRaised = false;
            MarkDirty();
            await ClearWarningIfActiveAsync(WarningTypes.FirePreAlarm);
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;
}
