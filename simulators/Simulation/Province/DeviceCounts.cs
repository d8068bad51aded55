using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>How many devices of each kind a simulated province has.</summary>
internal sealed record DeviceCounts(int Cameras, int EnvironmentSensors, int FireAlarms, int Intersections, int ServiceCounters)
{
    public int Total => Cameras + EnvironmentSensors + FireAlarms + Intersections + ServiceCounters;

    /// <summary>
    /// The counts modelled on the seed articles for <paramref name="map"/>'s province: Thái Bình the 161 devices of its
    /// 2020 IOC (95 cameras at hospitals, the public-service centre, schools and citizen reception); Bắc Ninh about 300
    /// cameras at key points, public places and major intersections, with more signalised intersections; Hậu Giang a
    /// smaller mix. Any other map gets Thái Bình's pattern over its districts.
    /// </summary>
    public static DeviceCounts For(ProvinceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var others = map.Districts.Count - 1;
        return map.Id switch
        {
            "bac-ninh" => new DeviceCounts(
                Cameras: 300, EnvironmentSensors: 4 + others, FireAlarms: 6 + (2 * others), Intersections: 20 + (3 * others), ServiceCounters: 14 + others),
            "hau-giang" => new DeviceCounts(
                Cameras: 60, EnvironmentSensors: 2 + others, FireAlarms: 3 + others, Intersections: 6 + others, ServiceCounters: 8 + others),
            _ => new DeviceCounts(
                Cameras: 95, EnvironmentSensors: 3 + others, FireAlarms: 4 + (2 * others), Intersections: 12 + others, ServiceCounters: 12 + others),
        };
    }

    public int Of(DeviceKind kind) => kind switch
    {
        DeviceKind.Camera => Cameras,
        DeviceKind.EnvironmentSensor => EnvironmentSensors,
        DeviceKind.FireAlarm => FireAlarms,
        DeviceKind.Intersection => Intersections,
        DeviceKind.ServiceCounter => ServiceCounters,
        _ => 0,
    };

    /// <summary>
    /// <paramref name="total"/> devices in the same proportions as these counts (largest remainders, so the kinds add
    /// up exactly), e.g. the seed mix scaled to 100,000 for a load run.
    /// </summary>
    public DeviceCounts ScaledTo(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (Total == 0)
        {
            throw new InvalidOperationException("There are no devices to take proportions from.");
        }

        int[] counts = [Cameras, EnvironmentSensors, FireAlarms, Intersections, ServiceCounters];
        var exact = counts.Select(c => (double)c * total / Total).ToArray();
        var scaled = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - scaled.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - scaled[i]).ThenBy(i => i).Take(left))
        {
            scaled[i]++;
        }

        return new DeviceCounts(scaled[0], scaled[1], scaled[2], scaled[3], scaled[4]);
    }

    /// <summary>Why these counts cannot be laid out (a negative count), or <c>null</c>.</summary>
    public string? Problem() =>
        Cameras < 0 ? $"The number of cameras cannot be negative (got {Cameras})."
        : EnvironmentSensors < 0 ? $"The number of environment sensors cannot be negative (got {EnvironmentSensors})."
        : FireAlarms < 0 ? $"The number of fire-alarm panels cannot be negative (got {FireAlarms})."
        : Intersections < 0 ? $"The number of intersections cannot be negative (got {Intersections})."
        : ServiceCounters < 0 ? $"The number of service counters cannot be negative (got {ServiceCounters})."
        : null;
}
