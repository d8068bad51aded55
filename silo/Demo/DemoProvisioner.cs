using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Silo.Demo;

/// <summary>
/// Provisions the demo province's devices with direct grain calls. Idempotent: a twin whose name, location and
/// attributes already match is left alone, so a restart neither rewrites nor resets its state.
/// </summary>
internal sealed class DemoProvisioner(IGrainFactory grains)
{
    // Enough to overlap storage round trips on two cores without flooding the runtime's mailboxes.
    private const int Parallelism = 16;

    public Task ProvisionAsync(IReadOnlyList<SimulatedDevice> devices, CancellationToken cancellationToken)
        => Parallel.ForEachAsync(
            devices,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (device, _) => await ProvisionAsync(device));

    private async Task ProvisionAsync(SimulatedDevice device)
    {
        var twin = grains.GetDeviceTwin(device.Kind, device.Id);
        var wanted = new DeviceProvisioning(device.Name, device.Location, Attributes(device));
        var current = await twin.GetSnapshot();
        if (current.IsProvisioned
            && current.Name == wanted.Name
            && current.Location == wanted.Location
            && current.Attributes.Count == wanted.Attributes!.Count
            && wanted.Attributes.All(a => current.Attributes.TryGetValue(a.Key, out var value) && value == a.Value))
        {
            return;
        }

        await twin.Provision(wanted);
    }

    private static Dictionary<string, string> Attributes(SimulatedDevice device) => new(StringComparer.Ordinal)
    {
        ["site"] = device.Site,
        ["source"] = "demo",
    };
}
