using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Grains.Districts;

/// <summary>
/// What a district twin persists: the latest contribution of every device, withdrawn ones included so late messages
/// stay ignored. Totals are not stored: they are rebuilt from the contributions on activation, so they cannot drift.
/// </summary>
internal sealed class DistrictTwinState
{
    public Dictionary<string, DeviceContribution> Devices { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastUpdated { get; set; }

    /// <summary>Version of the last roll-up sent to the province.</summary>
    public long Version { get; set; }
}
