using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>One simulated field device: its twin key, kind, where it is and what site it serves.</summary>
internal sealed record SimulatedDevice(string Id, DeviceKind Kind, string Name, string Site, string DistrictId, GeoPoint Location)
{
    /// <summary>What kind of place <see cref="Site"/> is; it sets the device's daily rhythm.</summary>
    public SiteKind SiteKind { get; init; }
}
