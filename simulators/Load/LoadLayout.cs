using System.Globalization;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// Where a load run's devices stand: dealt round robin over the province's districts (or all in one), each district's
/// share on a sunflower spiral around its interior point, so they show on the map as a cluster per district and count
/// in the district roll-ups. Deterministic: the same arguments give the same ids and places, so a second run updates
/// the same twins.
/// </summary>
internal static class LoadLayout
{
    // About 3 km: wide enough to see the cluster on the province map, small enough to stay inside most districts.
    private const double SpiralRadiusDegrees = 0.03;

    private static readonly double GoldenAngle = Math.PI * (3 - Math.Sqrt(5));

    public static IReadOnlyList<LoadDevice> Place(ProvinceMap map, int count, string idPrefix, string? districtId = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        IReadOnlyList<District> districts = districtId is null
            ? map.Districts
            : [map.FindDistrict(districtId) ?? throw new ArgumentException(UnknownDistrict(map, districtId), nameof(districtId))];

        var width = Math.Max(5, (count - 1).ToString(CultureInfo.InvariantCulture).Length);
        var perDistrict = (count + districts.Count - 1) / districts.Count;
        var devices = new LoadDevice[count];
        for (var i = 0; i < count; i++)
        {
            var district = districts[i % districts.Count];
            var id = idPrefix + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            devices[i] = new LoadDevice(id, district.Id, SpiralPoint(map, district, i / districts.Count, perDistrict));
        }

        return devices;
    }

    public static string UnknownDistrict(ProvinceMap map, string districtId)
    {
        ArgumentNullException.ThrowIfNull(map);
        return $"{map.Name} has no district '{districtId}'; its districts are {string.Join(", ", map.Districts.Select(d => d.Id))}.";
    }

    private static GeoPoint SpiralPoint(ProvinceMap map, District district, int index, int of)
    {
        var centre = district.InteriorPoint;
        var radius = SpiralRadiusDegrees * Math.Sqrt((index + 0.5) / of);
        var angle = index * GoldenAngle;
        var point = new GeoPoint(
            Math.Round(centre.Longitude + (radius * Math.Cos(angle)), 5, MidpointRounding.AwayFromZero),
            Math.Round(centre.Latitude + (radius * Math.Sin(angle)), 5, MidpointRounding.AwayFromZero));

        // A narrow district's spiral can leave it; such a device stands at the interior point so it still counts there.
        return map.LocateDistrict(point)?.Id == district.Id ? point : centre;
    }
}
