using System.Runtime.CompilerServices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Grains.Devices;

/// <summary>
/// Every device twin as stored, read straight from grain storage without activating a grain: how the twin directory
/// is rebuilt when a silo starts. Also the one place that turns a twin's state into its <see cref="DeviceTwinSummary"/>,
/// so a twin loaded from storage reads exactly as the live twin would publish it.
/// </summary>
public static class DeviceTwinCatalog
{
    /// <summary>The name every device twin grain stores its state under.</summary>
    public const string StateName = "twin";

    private static readonly DeviceKind[] Kinds = Enum.GetValues<DeviceKind>();

    /// <summary>
    /// The summary of every stored twin that was provisioned or heard from, kind after kind, streamed. The per-kind
    /// state (camera counters, panel zones...) is not needed for a summary, so every kind reads as the shared base.
    /// </summary>
    public static async IAsyncEnumerable<DeviceTwinSummary> ReadAllAsync(
        IGrainStateCatalog catalog,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var kind in Kinds)
        {
            await foreach (var stored in catalog.ReadAllStatesAsync<DeviceTwinState>(StateName, kind.ToName(), cancellationToken).ConfigureAwait(false))
            {
                var state = stored.State;
                if (state.ProvisionedAt is not null || state.LastSeen is not null)
                {
                    yield return Summarize(stored.GrainId.Key, kind, state);
                }
            }
        }
    }

    internal static DeviceTwinSummary Summarize(string id, DeviceKind kind, DeviceTwinState state)
    {
        var provisioned = state.ProvisionedAt is not null;

        // Stored state written by an older build may hold nulls where the live twin normalises to empty.
        var metrics = MetricSeries.LatestReadings(state.Metrics);
        return new DeviceTwinSummary
        {
            Id = id,
            Kind = kind,
            IsProvisioned = provisioned,
            Name = state.Name,
            Location = provisioned ? new GeoPoint(state.Longitude, state.Latitude) : null,
            DistrictId = provisioned ? state.DistrictId : null,
            Liveness = state.Liveness,
            LastSeen = state.LastSeen,
            Metrics = metrics,
            ActiveWarnings = state.ActiveWarnings ?? [],
        };
    }
}
