using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>Which twins a list, map layer or live subscription wants; every condition given must hold. Empty matches all.</summary>
internal sealed record TwinFilter
{
    public static TwinFilter All { get; } = new();

    public DeviceKind? Kind { get; init; }

    public string? DistrictId { get; init; }

    public DeviceLiveness? Status { get; init; }

    public GeoBounds? Bounds { get; init; }

    /// <summary>Within <see cref="NearRadiusMeters"/> of this point (great-circle distance).</summary>
    public GeoPoint? Near { get; init; }

    public double NearRadiusMeters { get; init; }

    /// <summary>Only twins with a location (provisioned), as map layers need; implied by <see cref="Bounds"/> and <see cref="Near"/>.</summary>
    public bool RequireLocation { get; init; }

    /// <summary>Conditions on latest metric values, e.g. <c>pm2_5 &gt; 50</c>; a twin without the metric does not match.</summary>
    public IReadOnlyList<MetricCondition> Metrics { get; init; } = [];

    public bool Matches(DeviceTwinSummary twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        if ((Kind is { } kind && twin.Kind != kind)
            || (DistrictId is { } district && !string.Equals(twin.DistrictId, district, StringComparison.Ordinal))
            || (Status is { } status && twin.Liveness != status))
        {
            return false;
        }

        if (RequireLocation && twin.Location is null)
        {
            return false;
        }

        if (Bounds is { } bounds && (twin.Location is not { } location || !bounds.Contains(location)))
        {
            return false;
        }

        if (Near is { } center && (twin.Location is not { } at || GreatCircle.DistanceMeters(center, at) > NearRadiusMeters))
        {
            return false;
        }

        foreach (var condition in Metrics)
        {
            if (twin.FindMetric(condition.Metric) is not { } reading || !condition.IsMetBy(reading.Value))
            {
                return false;
            }
        }

        return true;
    }
}
