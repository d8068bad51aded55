using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Cameras;

[GrainType("camera")]
internal sealed class CameraTwinGrain(
    [PersistentState("twin")] IPersistentState<CameraTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<CameraTwinGrain> logger)
    : DeviceTwinGrain<CameraTwinState>(state, provinceMap, changes, options, logger), ICameraTwin
{
    protected override DeviceKind Kind => DeviceKind.Camera;

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
        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow());
        PublishChange(DeviceTwinChangeKind.Event, eventType: EventName(analyticsEvent.Type));
    }

    public Task<IReadOnlyList<CameraAnalyticsEvent>> GetRecentEvents()
    {
        IReadOnlyList<CameraAnalyticsEvent> recent = State.RecentEvents is { } events ? Enumerable.Reverse(events).ToArray() : [];
        return Task.FromResult(recent);
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
