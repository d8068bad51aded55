using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Silo.Demo;

/// <summary>One device of the demo province: its twin key, kind, where it is and what site it serves.</summary>
internal sealed record DemoDevice(string Id, DeviceKind Kind, string Name, string Site, string DistrictId, GeoPoint Location);
