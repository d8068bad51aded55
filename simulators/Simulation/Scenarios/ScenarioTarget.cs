using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// A named set of devices, or of districts, a scenario acts on or checks, chosen from whatever province it is played on
/// (deterministically by seed). A district target has <see cref="Districts"/>; a device target has the other filters.
/// </summary>
internal sealed record ScenarioTarget
{
    public required string Name { get; init; }

    /// <summary>Device target: only this kind; <c>null</c> for every kind.</summary>
    public DeviceKind? Kind { get; init; }

    /// <summary>Device target: the site's name contains this (case-insensitive), e.g. <c>Bệnh viện</c>.</summary>
    public string? SiteLike { get; init; }

    /// <summary>Device target: only devices in the districts of this district target.</summary>
    public string? In { get; init; }

    /// <summary>Device target: only devices outside the districts of this district target (a control group).</summary>
    public string? NotIn { get; init; }

    /// <summary>Device target: the devices of this device target are left out.</summary>
    public string? Except { get; init; }

    /// <summary>Device target: nearest first to the (first) device of this device target, never that device itself.</summary>
    public string? Nearest { get; init; }

    /// <summary>With <see cref="Nearest"/>: no farther than this many metres.</summary>
    public double? Within { get; init; }

    /// <summary>Device target: how many devices (nearest first, else chosen by seed); <c>null</c>: all that match.</summary>
    public int? Count { get; init; }

    public bool IsDistrictTarget => Districts is not null;

    /// <summary>District target: this many districts are chosen.</summary>
    public int? Districts { get; init; }

    /// <summary>District target: prefer the districts with the most devices of this kind (e.g. intersections for a gridlock).</summary>
    public DeviceKind? MostDevicesOf { get; init; }
}
