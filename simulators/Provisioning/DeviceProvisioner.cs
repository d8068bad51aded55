using System.Collections.Concurrent;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>
/// Provisions a whole province through the API, a few requests at a time: enough to keep the silo busy without
/// tripping over its own queue on a small machine.
/// </summary>
internal sealed class DeviceProvisioner(TwinApiClient api, int parallelism = DeviceProvisioner.DefaultParallelism)
{
    public const int DefaultParallelism = 8;

    /// <summary>
    /// Creates or updates every device's twin; returns the credentials of those <paramref name="needsCredentials"/> selects
    /// (new twins always get theirs). <paramref name="provisioned"/> hears about each device done. The first failure
    /// stops the rest (a refused key fails them all the same way).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeviceCredentials>> ProvisionAsync(
        IReadOnlyList<SimulatedDevice> devices,
        Func<SimulatedDevice, bool> needsCredentials,
        Action? provisioned,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(needsCredentials);
        var credentials = new ConcurrentDictionary<string, DeviceCredentials>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            devices,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (device, ct) =>
            {
                if (await api.ProvisionAsync(device, needsCredentials(device), ct).ConfigureAwait(false) is { } issued)
                {
                    credentials[device.Id] = issued;
                }

                provisioned?.Invoke();
            }).ConfigureAwait(false);
        return credentials;
    }
}
