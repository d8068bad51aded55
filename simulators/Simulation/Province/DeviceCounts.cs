using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>How many devices of each kind a simulated province has.</summary>
internal sealed record DeviceCounts(int Cameras, int EnvironmentSensors, int FireAlarms, int Intersections, int ServiceCounters)
{
    public int Total => Cameras + EnvironmentSensors + FireAlarms + Intersections + ServiceCounters;

    /// <summary>
    /// The counts modelled on the seed articles for <paramref name="map"/>'s province (Thái Bình: the 161 devices of the
    /// demo, 95 of them cameras).
    /// </summary>
    public static DeviceCounts For(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var others = map.Districts.Count - 1;
        return new DeviceCounts(
            Cameras: 95,
            EnvironmentSensors: 3 + others,
            FireAlarms: 4 + (2 * others),
            Intersections: 12 + others,
            ServiceCounters: 12 + others);
    }
}
