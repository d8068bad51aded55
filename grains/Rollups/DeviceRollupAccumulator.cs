using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Rollups;

/// <summary>
/// Incremental totals over the latest contribution of every device in an area. Applying a contribution subtracts the
/// device's previous one and adds the new one, so totals never need a full recount; only losing the worst air-quality
/// sensor (it improved or left) requires a scan for the next worst.
/// </summary>
internal sealed class DeviceRollupAccumulator
{
    private static readonly int KindCount = Enum.GetValues<DeviceKind>().Length;

    private readonly Dictionary<string, DeviceContribution> contributions;
    private readonly string districtId;
    private readonly int[] counts = new int[KindCount * 3];
    private readonly Dictionary<string, int> warnings = new(StringComparer.Ordinal);
    private int devicesWithWarnings;
    private WorstAirQuality? worst;

    /// <param name="contributions">Latest contribution per device key, including withdrawn ones (kept so stale messages stay ignored). Owned and updated by the accumulator.</param>
    public DeviceRollupAccumulator(string districtId, Dictionary<string, DeviceContribution> contributions)
    {
        this.districtId = districtId;
        this.contributions = contributions;
        foreach (var contribution in contributions.Values)
        {
            if (contribution.IsRegistered)
            {
                Add(contribution);
            }
        }
    }

    /// <summary>Applies a contribution unless an equal or newer version of the same device was applied; returns whether it was applied.</summary>
    public bool Apply(DeviceContribution contribution)
    {
        var key = contribution.Key;
        var previousWorst = worst;
        var lostWorst = false;
        if (contributions.TryGetValue(key, out var previous))
        {
            if (contribution.Version <= previous.Version)
            {
                return false;
            }

            if (previous.IsRegistered)
            {
                Subtract(previous);
                if (previousWorst is not null && previous.AirQuality is not null && previousWorst.DeviceId == previous.DeviceId)
                {
                    lostWorst = true;
                    worst = null;
                }
            }
        }

        contributions[key] = contribution;
        if (contribution.IsRegistered)
        {
            Add(contribution);
        }

        if (lostWorst)
        {
            // Every other sensor was at most as bad as the previous worst, so a sensor that got no better stays the worst.
            var candidate = contribution.IsRegistered ? ToWorst(contribution) : null;
            if (candidate is null || candidate.Index < previousWorst!.Index)
            {
                Rescan();
            }
        }

        return true;
    }

    public AreaRollup ToRollup(DateTimeOffset? lastUpdated)
    {
        var byKind = new Dictionary<DeviceKind, LivenessCounts>(KindCount);
        var total = default(LivenessCounts);
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var offset = (int)kind * 3;
            var counts = new LivenessCounts(this.counts[offset + (int)DeviceLiveness.Online], this.counts[offset + (int)DeviceLiveness.Offline], this.counts[offset + (int)DeviceLiveness.Unknown]);
            byKind[kind] = counts;
            total += counts;
        }

        return new AreaRollup
        {
            AreaId = districtId,
            DevicesByKind = byKind,
            Devices = total,
            ActiveWarningsByType = new Dictionary<string, int>(warnings, StringComparer.Ordinal),
            DevicesWithWarnings = devicesWithWarnings,
            WorstAirQuality = worst,
            LastUpdated = lastUpdated,
        };
    }

    private void Add(DeviceContribution contribution) => Count(contribution, +1);

    private void Subtract(DeviceContribution contribution) => Count(contribution, -1);

    private void Count(DeviceContribution contribution, int sign)
    {
        counts[((int)contribution.Kind * 3) + (int)contribution.Liveness] += sign;
        if (contribution.ActiveWarnings.Count > 0)
        {
            devicesWithWarnings += sign;
            foreach (var warning in contribution.ActiveWarnings)
            {
                var count = warnings.GetValueOrDefault(warning) + sign;
                if (count == 0)
                {
                    warnings.Remove(warning);
                }
                else
                {
                    warnings[warning] = count;
                }
            }
        }

        if (sign > 0 && ToWorst(contribution) is { } candidate && candidate.IsWorseThan(worst))
        {
            worst = candidate;
        }
    }

    private void Rescan()
    {
        worst = null;
        foreach (var contribution in contributions.Values)
        {
            if (contribution.IsRegistered && ToWorst(contribution) is { } candidate && candidate.IsWorseThan(worst))
            {
                worst = candidate;
            }
        }
    }

    private WorstAirQuality? ToWorst(DeviceContribution contribution) =>
        contribution.AirQuality is { } aqi
            ? new WorstAirQuality(contribution.DeviceId, districtId, aqi.Index, aqi.Band, aqi.DominantPollutant, aqi.Hour)
            : null;
}
