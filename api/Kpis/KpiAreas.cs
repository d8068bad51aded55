using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Kpis;

/// <summary>
/// The pseudo twin ids KPI series are recorded under in the metric history: <c>district:{id}</c> and
/// <c>province:{id}</c>. A device id cannot collide with them: device ids have no ':'.
/// </summary>
internal static class KpiAreas
{
    public const string DistrictPrefix = "district:";
    public const string ProvincePrefix = "province:";

    public static string DistrictSeries(string districtId) => DistrictPrefix + districtId;

    public static string ProvinceSeries(string provinceId) => ProvincePrefix + provinceId;

    /// <summary>Whether <paramref name="id"/> names the KPI series of a district or the province of <paramref name="map"/>.</summary>
    public static bool TryParseSeries(string id, ProvinceMap map, out string areaId)
    {
        areaId = string.Empty;
        if (id.StartsWith(DistrictPrefix, StringComparison.Ordinal) && map.FindDistrict(id[DistrictPrefix.Length..]) is { } district)
        {
            areaId = district.Id;
            return true;
        }

        if (string.Equals(id, ProvinceSeries(map.Id), StringComparison.Ordinal))
        {
            areaId = map.Id;
            return true;
        }

        return false;
    }
}
