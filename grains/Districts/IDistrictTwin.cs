using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Districts;

/// <summary>The twin of a district, keyed by district id (e.g. <c>dong-hung</c>): its geography and the roll-up of the devices inside it.</summary>
public interface IDistrictTwin : IGrainWithStringKey
{
    /// <summary>Id, Vietnamese name and geometry. Throws <see cref="KeyNotFoundException"/> for an id not in the province.</summary>
    [ReadOnly]
    Task<DistrictInfo> GetInfo();

    [ReadOnly]
    Task<AreaRollup> GetRollup();

    /// <summary>Called by device twins: the device's whole current contribution, applied unless a newer one was.</summary>
    [OneWay]
    Task UpdateDevice(DeviceContribution contribution);
}
