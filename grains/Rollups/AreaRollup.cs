using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Grains.Rollups;

/// <summary>The aggregate state of the devices in a district or a province.</summary>
public sealed record AreaRollup
{
    /// <summary>District or province id.</summary>
    public required string AreaId { get; init; }

    /// <summary>Devices by kind and liveness; every kind is present, with zeros if it has no devices.</summary>
    public required IReadOnlyDictionary<DeviceKind, LivenessCounts> DevicesByKind { get; init; }

    /// <summary>Devices by liveness over all kinds.</summary>
    public required LivenessCounts Devices { get; init; }

    /// <summary>How many devices have each warning type active; types with none are absent.</summary>
    public required IReadOnlyDictionary<string, int> ActiveWarningsByType { get; init; }

    /// <summary>How many devices have at least one active warning.</summary>
    public required int DevicesWithWarnings { get; init; }

    public WorstAirQuality? WorstAirQuality { get; init; }

    /// <summary>When a contribution last changed the roll-up; <c>null</c> if none ever did.</summary>
    public DateTimeOffset? LastUpdated { get; init; }
}
