using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Warnings.Intrusion;
using SmartCity.Twin.Grains.Warnings.Liveness;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Cameras;

/// <remarks>
/// Warnings (<see cref="CameraRules"/>): <c>intrusion</c>, <c>smoke</c> and <c>tamper</c>, each raised once when it
/// begins, at the time of the event that began it, and cleared after its quiet period by the camera's own clock (its
/// events and its heartbeat readings). A tamper or an outage while an intrusion is in progress is critical.
/// </remarks>
[GrainType("camera")]
internal sealed class CameraTwinGrain(
    [PersistentState("twin")] IPersistentState<CameraTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<CameraTwinGrain> logger)
    : DeviceTwinGrain<CameraTwinState>(state, provinceMap, changes, options, logger), ICameraTwin
{
    private CameraRules? rules;
    private DateTimeOffset? latestReadingAt;

    protected override DeviceKind Kind => DeviceKind.Camera;

    private CameraRules Rules => rules ??= new CameraRules(Warnings.Camera);

    public async Task ReportAnalyticsEvent(CameraAnalyticsEvent analyticsEvent)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        var events = State.RecentEvents ??= [];

        // Events may arrive out of order; keep the list in time order so "recent" means recent by occurrence.
        var index = events.Count;
        while (index > 0 && events[index - 1].OccurredAt > analyticsEvent.OccurredAt)
        {
            index--;
        }

        if (events.Count >= Options.CameraEventCapacity)
        {
            if (index == 0)
            {
                await RecordDeviceMessageAsync(TimeProvider.GetUtcNow());
                return;
            }

            events.RemoveAt(0);
            index--;
        }

        events.Insert(index, analyticsEvent);
        MarkDirty();
        if (Warnings.Enabled)
        {
            Rules.Observe(State.Watch ??= new CameraWatch(), analyticsEvent);
            await ReconcileWarningsAsync();
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow());
        PublishChange(DeviceTwinChangeKind.Event, eventType: EventName(analyticsEvent.Type));
    }

    public Task<IReadOnlyList<CameraAnalyticsEvent>> GetRecentEvents()
    {
        IReadOnlyList<CameraAnalyticsEvent> recent = State.RecentEvents is { } events ? Enumerable.Reverse(events).ToArray() : [];
        return Task.FromResult(recent);
    }

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (latestReadingAt is null || timestamp > latestReadingAt)
        {
            latestReadingAt = timestamp;
        }
    }

    /// <summary>The heartbeat moves the camera's clock on: a quiet period can end without another event, and the baseline learns quiet hours.</summary>
    protected override Task OnTelemetryBatchRecordedAsync()
    {
        if (latestReadingAt is not { } at)
        {
            return Task.CompletedTask;
        }

        latestReadingAt = null;
        if (!Warnings.Enabled)
        {
            return Task.CompletedTask;
        }

        // Heartbeats teach the baseline too: an hour of them without events is a quiet hour.
        Rules.ObserveTime(State.Watch ??= new CameraWatch(), at);
        return ReconcileWarningsAsync();
    }

    protected override WarningDetails DescribeOffline(DateTimeOffset since, TimeSpan? silence) =>
        IntrusionInProgress
            ? OfflineMessage.Describe(since, silence, State.LastSeen, CameraMessages.DuringIntrusion, AlertSeverity.Critical)
            : base.DescribeOffline(since, silence);

    private bool IntrusionInProgress => State.Watch?.IntrusionSince is not null || HasWarning(WarningTypes.Intrusion);

    /// <summary>Raises what began and clears what ended since the last look; nothing while the rules' view is unchanged.</summary>
    private async Task ReconcileWarningsAsync()
    {
        if (State.Watch is not { } watch)
        {
            return;
        }

        var options = Warnings.Camera;
        if (watch.IntrusionSince is { } intrusionSince && !watch.IntrusionRaised)
        {
            watch.IntrusionRaised = true;
            MarkDirty();
            await RaiseWarning(WarningTypes.Intrusion, new WarningDetails(
                CameraMessages.Intrusion(watch, options.BurstWindow), CameraMessages.IntrusionEvidenceOf(watch), intrusionSince));
        }

        if (watch.TamperSince is { } tamperSince)
        {
            var critical = IntrusionInProgress;
            if (!watch.TamperRaised || (critical && !watch.TamperRaisedCritical))
            {
                watch.TamperRaised = true;
                watch.TamperRaisedCritical = critical;
                MarkDirty();
                await RaiseWarning(WarningTypes.Tamper, new WarningDetails(
                    CameraMessages.Tamper(watch, critical),
                    CameraMessages.ConfidenceOnly(watch.TamperConfidence, critical),
                    tamperSince,
                    critical ? AlertSeverity.Critical : null));
            }
        }
        else if (watch.TamperRaised)
        {
            watch.TamperRaised = false;
            watch.TamperRaisedCritical = false;
            MarkDirty();
            await ClearWarningIfActiveAsync(WarningTypes.Tamper);
        }

        if (watch.SmokeSince is { } smokeSince)
        {
            if (!watch.SmokeRaised)
            {
                watch.SmokeRaised = true;
                MarkDirty();
                await RaiseWarning(WarningTypes.Smoke, new WarningDetails(
                    CameraMessages.Smoke(watch), CameraMessages.ConfidenceOnly(watch.SmokeConfidence), smokeSince));
            }
        }
        else if (watch.SmokeRaised)
        {
            watch.SmokeRaised = false;
            MarkDirty();
            await ClearWarningIfActiveAsync(WarningTypes.Smoke);
        }

        // Cleared last, so that a tamper in the same event as the intrusion's end still counts as during it.
        if (watch.IntrusionSince is null && watch.IntrusionRaised)
        {
            watch.IntrusionRaised = false;
            MarkDirty();
            await ClearWarningIfActiveAsync(WarningTypes.Intrusion);
        }
    }

    private static string EventName(CameraEventType type) => type switch
    {
        CameraEventType.Motion => "motion",
        CameraEventType.Intrusion => "intrusion",
        CameraEventType.PersonPresent => "person-present",
        CameraEventType.PersonAbsent => "person-absent",
        CameraEventType.PlateRead => "plate-read",
        CameraEventType.Tamper => "tamper",
        CameraEventType.Violation => "violation",
        _ => type.ToString().ToLowerInvariant(),
    };

    protected override void OnStateLoaded()
    {
        if (State.RecentEvents is { } events && events.Count > Options.CameraEventCapacity)
        {
            events.RemoveRange(0, events.Count - Options.CameraEventCapacity);
        }
    }
}
