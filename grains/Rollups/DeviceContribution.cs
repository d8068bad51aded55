using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Rollups;

/// <summary>
/// What one device currently adds to its district's roll-up. A device twin sends its whole contribution, not a delta,
/// each time it changes, so the district can apply it idempotently: it keeps the newest <see cref="Version"/> per
/// device and ignores duplicates and stale, reordered messages.
/// </summary>
/// <param name="IsRegistered"><c>false</c> withdraws the device (it moved to another district or left the province).</param>
public sealed record DeviceContribution(
    string DeviceId,
    DeviceKind Kind,
    long Version,
    bool IsRegistered,
    DeviceLiveness Liveness,
    IReadOnlyList<string> ActiveWarnings,
    AirQualityContribution? AirQuality)
{
    /// <summary>Device ids are unique per kind; the roll-up keys devices by kind and id.</summary>
    internal string Key => RollupKeys.Device(Kind, DeviceId);
}
