using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Grains.Persistence;

namespace SmartCity.Twin.Grains.Districts;

/// <summary>
/// Keeps the roll-up of a district incrementally from one-way device contributions, and forwards its whole roll-up
/// one-way to the province twin whenever it changes. Saves its contributions every
/// <see cref="TwinOptions.PersistInterval"/> when changed, and on deactivation.
/// </summary>
[GrainType("district")]
internal sealed class DistrictTwinGrain : Grain, IDistrictTwin
{
    private readonly WriteBehindState<DistrictTwinState> persistentState;
    private readonly ProvinceMap provinceMap;
    private readonly TwinOptions options;
    private readonly ILogger<DistrictTwinGrain> logger;
    private DeviceRollupAccumulator? accumulator;

    public DistrictTwinGrain(
        [PersistentState("rollup")] IPersistentState<DistrictTwinState> persistentState,
        ProvinceMap provinceMap,
        IOptions<TwinOptions> options,
        ILogger<DistrictTwinGrain> logger)
    {
        this.persistentState = new WriteBehindState<DistrictTwinState>(persistentState, ex => DistrictTwinLog.PersistFailed(logger, ex, DistrictId));
        this.provinceMap = provinceMap;
        this.options = options.Value;
        this.logger = logger;
    }

    private string DistrictId => GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = persistentState.State;
        state.Devices = state.Devices is null
            ? new Dictionary<string, DeviceContribution>(StringComparer.Ordinal)
            : new Dictionary<string, DeviceContribution>(state.Devices, StringComparer.Ordinal);
        accumulator = new DeviceRollupAccumulator(DistrictId, state.Devices);
        persistentState.Start(GrainContext, options.PersistInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => persistentState.StopAsync();

    public Task<DistrictInfo> GetInfo()
    {
        var district = provinceMap.FindDistrict(DistrictId)
            ?? throw new KeyNotFoundException($"'{DistrictId}' is not a district of {provinceMap.Name} ({provinceMap.Id}).");
        return Task.FromResult(new DistrictInfo(
            district.Id,
            district.Name,
            provinceMap.Id,
            provinceMap.Name,
            district.Centroid,
            district.InteriorPoint,
            district.Bounds,
            district.GeometryGeoJson,
            district.Note));
    }

    public Task<AreaRollup> GetRollup() => Task.FromResult(accumulator!.ToRollup(persistentState.State.LastUpdated));

    public async Task UpdateDevice(DeviceContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (provinceMap.FindDistrict(DistrictId) is null)
        {
            DistrictTwinLog.UnknownDistrict(logger, DistrictId, provinceMap.Id, contribution.DeviceId);
            return;
        }

        if (!accumulator!.Apply(contribution))
        {
            return;
        }

        var state = persistentState.State;
        var now = TimeProvider.GetUtcNow();
        state.LastUpdated = now;
        state.Version = RollupVersion.Next(state.Version, now);
        persistentState.MarkDirty();
        await GrainFactory.GetGrain<IProvinceTwin>(provinceMap.Id)
            .UpdateDistrict(new DistrictContribution(DistrictId, state.Version, accumulator.ToRollup(now)));
    }
}
