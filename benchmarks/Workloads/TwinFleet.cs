using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>Device twins of one kind (environment sensors unless told) as a gateway would hold them: one cached reference per device, provisioned in the province's districts.</summary>
internal sealed class TwinFleet
{
    /// <summary>Calls in flight while provisioning or flushing: enough to keep both cores busy without piling up millions of tasks.</summary>
    private const int Batch = 4096;

    private readonly IDeviceTwin[] twins;

    public TwinFleet(IGrainFactory factory, string prefix, int count, DeviceKind kind = DeviceKind.EnvironmentSensor)
    {
        twins = new IDeviceTwin[count];
        for (var i = 0; i < count; i++)
        {
            twins[i] = factory.GetDeviceTwin(kind, prefix + i);
        }
    }

    public int Count => twins.Length;

    public IDeviceTwin this[int index] => twins[index];

    /// <summary>Provisions every twin in a district of <paramref name="map"/> (round robin), so roll-ups to district twins run as in the silo.</summary>
    public Task ProvisionAsync(ProvinceMap map)
        => ForEachAsync(i =>
        {
            var district = map.Districts[i % map.Districts.Count];
            return twins[i].Provision(new DeviceProvisioning("Thiết bị " + i, district.InteriorPoint));
        });

    /// <summary>
    /// A read-only call to every twin. Mailboxes are FIFO and a read-only call cannot overlap a running
    /// ReportTelemetry turn, so when all answered, every message sent before has been applied.
    /// </summary>
    public Task FlushAsync() => ForEachAsync(i => twins[i].GetHistory(string.Empty));

    public async Task ForEachAsync(Func<int, Task> call)
    {
        var pending = new List<Task>(Batch);
        for (var i = 0; i < twins.Length; i++)
        {
            pending.Add(call(i));
            if (pending.Count == Batch)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }
}
