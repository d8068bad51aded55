using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>A province's map and the devices simulated in it.</summary>
internal sealed class SimulatedProvince
{
    private readonly Dictionary<string, SimulatedDevice> byId;

    private SimulatedProvince(ProvinceMap map, IReadOnlyList<SimulatedDevice> devices)
    {
        Map = map;
        Devices = devices;
        byId = devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public ProvinceMap Map { get; }

    /// <summary>Ordered as laid out: the same map, counts and seed always give the same ids, names and positions.</summary>
    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>Lays out the province's devices; <paramref name="counts"/> defaults to <see cref="DeviceCounts.For"/>.</summary>
    public static SimulatedProvince Create(ProvinceMap map, DeviceCounts? counts = null, int seed = ProvinceLayout.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new SimulatedProvince(map, ProvinceLayout.Create(map, counts ?? DeviceCounts.For(map), seed));
    }

    public SimulatedDevice? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The same province with only the devices <paramref name="keep"/> selects, e.g. a scenario's cast.</summary>
    public SimulatedProvince Only(Func<SimulatedDevice, bool> keep) => new(Map, Devices.Where(keep).ToArray());
}
