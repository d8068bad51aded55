using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>
/// The persisted state of a device twin, which is also its in-memory form: kept small because a silo holds up to a
/// million of them. Collections that are often empty are <c>null</c> until used; arrays are replaced, never mutated,
/// when they are shared with messages (<see cref="ActiveWarnings"/>).
/// </summary>
internal class DeviceTwinState
{
    public string? Name { get; set; }

    public double Longitude { get; set; }

    public double Latitude { get; set; }

    public string? DistrictId { get; set; }

    public DateTimeOffset? ProvisionedAt { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    public DeviceLiveness Liveness { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset? LivenessChangedAt { get; set; }

    public Dictionary<string, string>? Reported { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    public Dictionary<string, string>? Desired { get; set; }

    public long DesiredVersion { get; set; }

    public DateTimeOffset? DesiredUpdatedAt { get; set; }

    public MetricSeries[] Metrics { get; set; } = [];

    /// <summary>Ordinal order.</summary>
    public string[] ActiveWarnings { get; set; } = [];

    /// <summary>
    /// The last alert opened per warning type (<c>IAlert</c> id); a raise repeats it until an operator resolves it.
    /// <c>null</c> until the first warning.
    /// </summary>
    public Dictionary<string, string>? OpenAlerts { get; set; }

    /// <summary>The contribution last sent to a district (<see cref="RollupDistrictId"/>); <c>null</c> if none was ever sent.</summary>
    public DeviceContribution? LastContribution { get; set; }

    public string? RollupDistrictId { get; set; }
}
