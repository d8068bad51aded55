using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

[GrainType("service-counter")]
internal sealed class ServiceCounterTwinGrain(
    [PersistentState("twin")] IPersistentState<ServiceCounterTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<ServiceCounterTwinGrain> logger)
    : DeviceTwinGrain<ServiceCounterTwinState>(state, provinceMap, changes, options, logger), IServiceCounterTwin
{
    protected override DeviceKind Kind => DeviceKind.ServiceCounter;

    public async Task ReportOfficerPresence(bool isPresent, DateTimeOffset at)
    {
        var current = State.OfficerPresence;
        var changed = (current is null || at >= current.Since) && current?.IsPresent != isPresent;
        if (changed)
        {
            State.OfficerPresence = new OfficerPresence(isPresent, at);
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow(), persist: changed);
        if (changed)
        {
            PublishChange(DeviceTwinChangeKind.Event, eventType: isPresent ? "officer-present" : "officer-absent");
        }
    }

    public Task<OfficerPresence?> GetOfficerPresence() => Task.FromResult(State.OfficerPresence);
}
