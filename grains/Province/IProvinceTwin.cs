using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Province;

/// <summary>The twin of the province, keyed by province id (e.g. <c>thai-binh</c>): the sum of its district roll-ups.</summary>
public interface IProvinceTwin : IGrainWithStringKey
{
    [ReadOnly]
    Task<ProvinceInfo> GetInfo();

    [ReadOnly]
    Task<AreaRollup> GetRollup();

    /// <summary>The latest roll-up of every district, ordered by district id; districts that never reported appear empty.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AreaRollup>> GetDistrictRollups();

    /// <summary>Called by district twins: the district's whole roll-up, applied unless a newer one was.</summary>
    [OneWay]
    Task UpdateDistrict(DistrictContribution contribution);
}
