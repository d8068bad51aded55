using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Observation;

/// <summary>
/// What lists, maps and live feeds show of a device twin: identity, place, liveness, latest metric values and active
/// warnings. Immutable; a new one is made for every change. The full twin (properties, desired state, history) is
/// <see cref="DeviceTwinSnapshot"/>.
/// </summary>
public sealed record DeviceTwinSummary
{
    public required string Id { get; init; }

    public required DeviceKind Kind { get; init; }

    public required bool IsProvisioned { get; init; }

    public string? Name { get; init; }

    /// <summary><c>null</c> until provisioned.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary><c>null</c> when unprovisioned or outside the province.</summary>
    public string? DistrictId { get; init; }

    public required DeviceLiveness Liveness { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The latest value of every metric, in the order the twin first saw them.</summary>
    public required IReadOnlyList<MetricReading> Metrics { get; init; }

    /// <summary>Ordinal order.</summary>
    public required IReadOnlyList<string> ActiveWarnings { get; init; }

    /// <summary>The latest value of <paramref name="metric"/>, or <c>null</c>.</summary>
    public MetricReading? FindMetric(string metric)
    {
        foreach (var reading in Metrics)
        {
            if (string.Equals(reading.Metric, metric, StringComparison.Ordinal))
            {
                return reading;
            }
        }

        return null;
    }
}
