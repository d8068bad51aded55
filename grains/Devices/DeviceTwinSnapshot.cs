using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>A consistent copy of a device twin at one moment.</summary>
public sealed record DeviceTwinSnapshot
{
    public required string Id { get; init; }

    public required DeviceKind Kind { get; init; }

    /// <summary><c>false</c> until <see cref="IDeviceTwin.Provision"/>; an unprovisioned twin still records what the device sends, but has no location or district.</summary>
    public required bool IsProvisioned { get; init; }

    public string? Name { get; init; }

    public GeoPoint? Location { get; init; }

    /// <summary>The district containing <see cref="Location"/>; <c>null</c> when unprovisioned or outside the province.</summary>
    public string? DistrictId { get; init; }

    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    public required DeviceLiveness Liveness { get; init; }

    /// <summary>When the twin last heard from the device itself (any telemetry, property report or online status).</summary>
    public DateTimeOffset? LastSeen { get; init; }

    public DateTimeOffset? LivenessChangedAt { get; init; }

    public required IReadOnlyDictionary<string, string> Reported { get; init; }

    public DateTimeOffset? ReportedAt { get; init; }

    public required DesiredProperties Desired { get; init; }

    /// <summary>The latest value of every metric, by metric name.</summary>
    public required IReadOnlyList<MetricReading> Metrics { get; init; }

    /// <summary>Types of the warnings currently active on the device, ordinal order.</summary>
    public required IReadOnlyList<string> ActiveWarnings { get; init; }

    public DateTimeOffset? ProvisionedAt { get; init; }
}
