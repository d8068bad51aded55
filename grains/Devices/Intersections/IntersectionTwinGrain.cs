using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.Intersections;

[GrainType("intersection")]
internal sealed class IntersectionTwinGrain(
    [PersistentState("twin")] IPersistentState<IntersectionTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    ILogger<IntersectionTwinGrain> logger)
    : DeviceTwinGrain<IntersectionTwinState>(state, provinceMap, changes, options, logger), IIntersectionTwin
{
    protected override DeviceKind Kind => DeviceKind.Intersection;

    public async Task ReportSignalPhase(string phase, DateTimeOffset at)
    {
        if (!MetricNames.IsValid(phase))
        {
            throw new ArgumentException($"Signal phase '{phase}' must be 1–{MetricNames.MaxLength} characters without whitespace.", nameof(phase));
        }

        if (State.SignalPhase is null || at >= State.SignalPhase.Since)
        {
            // Phases change every few seconds: like telemetry, they are saved by the periodic save only.
            State.SignalPhase = new SignalPhase(MetricNames.Intern(phase), at);
            MarkDirty();
        }

        await RecordDeviceMessageAsync(TimeProvider.GetUtcNow());
    }

    public Task<SignalPhase?> GetSignalPhase() => Task.FromResult(State.SignalPhase);
}
