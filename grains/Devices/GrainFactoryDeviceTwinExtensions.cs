using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Devices.EnvironmentSensors;
using SmartCity.Twin.Grains.Devices.FireAlarms;
using SmartCity.Twin.Grains.Devices.Intersections;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices;

public static class GrainFactoryDeviceTwinExtensions
{
    /// <summary>The twin of a device of a kind known only at run time (a gateway routing messages), through its per-kind interface.</summary>
    public static IDeviceTwin GetDeviceTwin(this IGrainFactory grainFactory, DeviceKind kind, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        return kind switch
        {
            DeviceKind.Camera => grainFactory.GetGrain<ICameraTwin>(deviceId),
            DeviceKind.EnvironmentSensor => grainFactory.GetGrain<IEnvironmentSensorTwin>(deviceId),
            DeviceKind.FireAlarm => grainFactory.GetGrain<IFireAlarmTwin>(deviceId),
            DeviceKind.Intersection => grainFactory.GetGrain<IIntersectionTwin>(deviceId),
            DeviceKind.ServiceCounter => grainFactory.GetGrain<IServiceCounterTwin>(deviceId),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
        };
    }
}
