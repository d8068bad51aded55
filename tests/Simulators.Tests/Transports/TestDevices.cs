using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Tests.Transports;

/// <summary>Devices of their own for each transport test, so tests sharing a silo never meet.</summary>
internal static class TestDevices
{
    private static readonly District District = ProvinceMap.Load("thai-binh").Districts[0];

    public static SimulatedDevice Station(string prefix) => Create(prefix, DeviceKind.EnvironmentSensor);

    public static SimulatedDevice Create(string prefix, DeviceKind kind)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        return new SimulatedDevice(id, kind, $"Test {kind} {id}", "Test site", District.Id, District.InteriorPoint);
    }
}
