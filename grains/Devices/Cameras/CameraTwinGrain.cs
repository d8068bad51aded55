using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Cameras;

[GrainType("camera")]
internal sealed class CameraTwinGrain(
    [PersistentState("twin")] IPersistentState<CameraTwinState> state,
    ProvinceMap provinceMap,
    IOptions<TwinOptions> options,
    ILogger<CameraTwinGrain> logger)
    : DeviceTwinGrain<CameraTwinState>(state, provinceMap, options, logger), ICameraTwin
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
    }

    public Task<IReadOnlyList<CameraAnalyticsEvent>> GetRecentEvents()
    {
        IReadOnlyList<CameraAnalyticsEvent> recent = State.RecentEvents is { } events ? Enumerable.Reverse(events).ToArray() : [];
        return Task.FromResult(recent);
    }

    protected override void OnStateLoaded()
    {
        if (State.RecentEvents is { } events && events.Count > Options.CameraEventCapacity)
        {
            events.RemoveRange(0, events.Count - Options.CameraEventCapacity);
        }
    }
}
