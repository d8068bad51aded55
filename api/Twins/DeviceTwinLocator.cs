using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// Finds the twin behind a device id: through the twin directory, which knows every twin's kind; else registered
/// devices through their credentials' kind; else, only while the directory is not complete (still loading, or its load
/// failed), by asking every kind's twin, the first provisioned or heard from winning — which activates five grains.
/// </summary>
internal sealed class DeviceTwinLocator(IGrainFactory grains, ITwinDirectory directory)
{
    private static readonly DeviceKind[] Kinds = Enum.GetValues<DeviceKind>();

    public async Task<LocatedTwin?> FindAsync(string deviceId)
    {
        if (directory.Find(deviceId) is { } known)
        {
            var twin = grains.GetDeviceTwin(known.Kind, deviceId);
            var snapshot = await twin.GetSnapshot();
            if (Exists(snapshot))
            {
                return new LocatedTwin(twin, snapshot);
            }
        }

        if (await grains.GetGrain<IDeviceCredentials>(deviceId).GetKind() is { } registered)
        {
            var twin = grains.GetDeviceTwin(registered, deviceId);
            return new LocatedTwin(twin, await twin.GetSnapshot());
        }

        if (directory.IsComplete)
        {
            return null;
        }

        var twins = Kinds.Select(kind => grains.GetDeviceTwin(kind, deviceId)).ToArray();
        var snapshots = await Task.WhenAll(twins.Select(twin => twin.GetSnapshot()));
        for (var i = 0; i < twins.Length; i++)
        {
            if (Exists(snapshots[i]))
            {
                return new LocatedTwin(twins[i], snapshots[i]);
            }
        }

        return null;
    }

    private static bool Exists(DeviceTwinSnapshot snapshot) => snapshot.IsProvisioned || snapshot.LastSeen is not null;
}
