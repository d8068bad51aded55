using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Silo.Endpoints;

/// <summary>
/// Finds the twin behind a device id. Ids do not name their kind and there is no device directory yet, so every
/// kind's twin is asked; the first (in <see cref="DeviceKind"/> order) that was provisioned or heard from wins.
/// </summary>
internal sealed class DeviceTwinLocator(IGrainFactory grains)
{
    private static readonly DeviceKind[] Kinds = Enum.GetValues<DeviceKind>();

    public async Task<LocatedTwin?> FindAsync(string deviceId)
    {
        var twins = Kinds.Select(kind => grains.GetDeviceTwin(kind, deviceId)).ToArray();
        var snapshots = await Task.WhenAll(twins.Select(twin => twin.GetSnapshot()));
        for (var i = 0; i < twins.Length; i++)
        {
            if (snapshots[i].IsProvisioned || snapshots[i].LastSeen is not null)
            {
                return new LocatedTwin(twins[i], snapshots[i]);
            }
        }

        return null;
    }
}
