using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// Provisions a load run's devices through the API as environment sensors and returns each one's MQTT login: the
/// credentials issued with a new twin, or fresh ones for a twin an earlier run left (the old secret stops working).
/// </summary>
internal static class LoadProvisioning
{
    public static async Task<IReadOnlyDictionary<string, (string Username, string Password)>> ProvisionAsync(
        TwinApiClient api, ProvinceMap map, IReadOnlyList<LoadDevice> devices, int parallelism, Action? provisioned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(devices);
        var simulated = devices
            .Select(d => new SimulatedDevice(
                d.Id, DeviceKind.EnvironmentSensor, $"Load sensor {d.Id} – {map.FindDistrict(d.DistrictId)?.Name ?? d.DistrictId}", "load generator", d.DistrictId, d.Location))
            .ToList();
        var issued = await new DeviceProvisioner(api, parallelism).ProvisionAsync(simulated, _ => true, provisioned, cancellationToken).ConfigureAwait(false);
        return issued.ToDictionary(p => p.Key, p => (p.Value.Username, p.Value.Password), StringComparer.Ordinal);
    }
}
