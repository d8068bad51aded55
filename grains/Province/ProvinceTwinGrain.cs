using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Grains.Persistence;

namespace SmartCity.Twin.Grains.Province;

/// <summary>
/// Sums the district roll-ups it receives one-way. With eight districts, recomputing the total on each update is
/// cheaper than maintaining it incrementally. Saves every <see cref="TwinOptions.PersistInterval"/> when changed.
/// </summary>
[GrainType("province")]
internal sealed class ProvinceTwinGrain : Grain, IProvinceTwin
{
    private readonly WriteBehindState<ProvinceTwinState> persistentState;
    private readonly ProvinceMap provinceMap;
    private readonly TwinOptions options;
    private readonly ILogger<ProvinceTwinGrain> logger;
    private AreaRollup? total;

    public ProvinceTwinGrain(
        [PersistentState("rollup")] IPersistentState<ProvinceTwinState> persistentState,
        ProvinceMap provinceMap,
        IOptions<TwinOptions> options,
        ILogger<ProvinceTwinGrain> logger)
    {
        this.persistentState = new WriteBehindState<ProvinceTwinState>(persistentState, ex => ProvinceTwinLog.PersistFailed(logger, ex, ProvinceId));
        this.provinceMap = provinceMap;
        this.options = options.Value;
        this.logger = logger;
    }

    private string ProvinceId => GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = persistentState.State;
        state.Districts = state.Districts is null
            ? new Dictionary<string, DistrictContribution>(StringComparer.Ordinal)
            : new Dictionary<string, DistrictContribution>(state.Districts, StringComparer.Ordinal);
        persistentState.Start(GrainContext, options.PersistInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => persistentState.StopAsync();

    public Task<ProvinceInfo> GetInfo()
    {
        EnsureThisProvince();
        var districts = provinceMap.Districts
            .Select(d => new DistrictSummary(d.Id, d.Name, d.InteriorPoint, d.Bounds))
            .ToArray();
        return Task.FromResult(new ProvinceInfo(provinceMap.Id, provinceMap.Name, provinceMap.Bounds, districts, ProvinceMap.Attribution));
    }

    public Task<AreaRollup> GetRollup()
    {
        total ??= AreaRollups.Combine(ProvinceId, persistentState.State.Districts.Values.Select(d => d.Rollup));
        return Task.FromResult(total);
    }

    public Task<IReadOnlyList<AreaRollup>> GetDistrictRollups()
    {
        var districts = persistentState.State.Districts;
        IReadOnlyList<AreaRollup> rollups = provinceMap.Districts
            .Select(d => districts.TryGetValue(d.Id, out var contribution) ? contribution.Rollup : AreaRollups.Combine(d.Id, []))
            .ToArray();
        return Task.FromResult(rollups);
    }

    public Task UpdateDistrict(DistrictContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (provinceMap.FindDistrict(contribution.DistrictId) is null || ProvinceId != provinceMap.Id)
        {
            ProvinceTwinLog.UnknownDistrict(logger, ProvinceId, contribution.DistrictId);
            return Task.CompletedTask;
        }

        var districts = persistentState.State.Districts;
        if (districts.TryGetValue(contribution.DistrictId, out var previous) && previous.Version >= contribution.Version)
        {
            return Task.CompletedTask;
        }

        districts[contribution.DistrictId] = contribution;
        total = null;
        persistentState.MarkDirty();
        return Task.CompletedTask;
    }

    private void EnsureThisProvince()
    {
        if (ProvinceId != provinceMap.Id)
        {
            throw new KeyNotFoundException($"This silo serves province '{provinceMap.Id}', not '{ProvinceId}'.");
        }
    }
}
