using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Tests.Province;

public sealed class ProvinceLayoutTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);

    [Fact]
    public void Has_the_95_cameras_of_the_seeds_and_every_other_kind()
    {
        var devices = SimulatedProvince.Create(Map).Devices;

        Assert.Equal(95, devices.Count(d => d.Kind == DeviceKind.Camera));
        Assert.All(Enum.GetValues<DeviceKind>(), kind => Assert.Contains(devices, d => d.Kind == kind));
        Assert.InRange(devices.Count, 100, 250);
    }

    [Fact]
    public void Every_device_lies_inside_its_district()
    {
        foreach (var device in SimulatedProvince.Create(Map).Devices)
        {
            Assert.Equal(device.DistrictId, Map.LocateDistrict(device.Location)?.Id);
        }
    }

    [Fact]
    public void Every_district_has_devices()
    {
        var devices = SimulatedProvince.Create(Map).Devices;

        Assert.All(Map.Districts, district => Assert.Contains(devices, d => d.DistrictId == district.Id));
    }

    [Fact]
    public void Is_deterministic_with_unique_ids()
    {
        var first = SimulatedProvince.Create(Map).Devices;
        var second = SimulatedProvince.Create(Map).Devices;

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
