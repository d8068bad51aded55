using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Rollups;

internal static class AreaRollups
{
    public static AreaRollup Combine(string areaId, IEnumerable<AreaRollup> parts)
    {
        var byKind = Enum.GetValues<DeviceKind>().ToDictionary(k => k, _ => default(LivenessCounts));
        var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = default(LivenessCounts);
        var devicesWithWarnings = 0;
        WorstAirQuality? worst = null;
        DateTimeOffset? lastUpdated = null;
        foreach (var part in parts)
        {
            foreach (var (kind, counts) in part.DevicesByKind)
            {
                byKind[kind] += counts;
            }

            foreach (var (type, count) in part.ActiveWarningsByType)
            {
                warnings[type] = warnings.GetValueOrDefault(type) + count;
            }

            total += part.Devices;
            devicesWithWarnings += part.DevicesWithWarnings;
            if (part.WorstAirQuality is { } candidate && candidate.IsWorseThan(worst))
            {
                worst = candidate;
            }

            if (part.LastUpdated > lastUpdated || lastUpdated is null)
            {
                lastUpdated = part.LastUpdated;
            }
        }

        return new AreaRollup
        {
            AreaId = areaId,
            DevicesByKind = byKind,
            Devices = total,
            ActiveWarningsByType = warnings,
            DevicesWithWarnings = devicesWithWarnings,
            WorstAirQuality = worst,
            LastUpdated = lastUpdated,
        };
    }
}
