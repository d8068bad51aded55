using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Province;

/// <summary>
/// Where each site of a province stands, drawn once: a hospital's cameras and its fire panel, or an intersection's
/// controller and the cameras watching it, stand around the same point.
/// </summary>
internal sealed class SitePlaces(ProvinceMap map, Random random)
{
    private const int MaxPlacementAttempts = 1_000;

    private readonly Dictionary<(string District, string Site), GeoPoint> centres = [];

    /// <summary>The site's point (drawn inside <paramref name="district"/> the first time it is asked for).</summary>
    public GeoPoint Centre(District district, string site)
    {
        if (!centres.TryGetValue((district.Id, site), out var centre))
        {
            centre = RandomPointIn(district);
            centres.Add((district.Id, site), centre);
        }

        return centre;
    }

    /// <summary>A point within <paramref name="spreadDegrees"/> (each axis) of <paramref name="centre"/>, still inside <paramref name="district"/>.</summary>
    public GeoPoint Near(District district, GeoPoint centre, double spreadDegrees)
    {
        for (var attempt = 0; attempt < MaxPlacementAttempts; attempt++)
        {
            var point = Round(new GeoPoint(
                centre.Longitude + ((random.NextDouble() - 0.5) * 2 * spreadDegrees),
                centre.Latitude + ((random.NextDouble() - 0.5) * 2 * spreadDegrees)));
            if (map.LocateDistrict(point)?.Id == district.Id)
            {
                return point;
            }
        }

        return centre;
    }

    public GeoPoint RandomPointIn(District district)
    {
        var bounds = district.Bounds;
        for (var attempt = 0; attempt < MaxPlacementAttempts; attempt++)
        {
            var point = Round(new GeoPoint(
                bounds.MinLongitude + (random.NextDouble() * (bounds.MaxLongitude - bounds.MinLongitude)),
                bounds.MinLatitude + (random.NextDouble() * (bounds.MaxLatitude - bounds.MinLatitude))));
            if (map.LocateDistrict(point)?.Id == district.Id)
            {
                return point;
            }
        }

        // A sliver of a district the random points keep missing: its interior point is inside by construction.
        return Round(district.InteriorPoint) is var interior && map.LocateDistrict(interior)?.Id == district.Id ? interior : district.InteriorPoint;
    }

    // Five decimals (about 1 m), like the boundaries: enough for a map marker, stable in JSON.
    private static GeoPoint Round(GeoPoint point)
        => new(Math.Round(point.Longitude, 5, MidpointRounding.AwayFromZero), Math.Round(point.Latitude, 5, MidpointRounding.AwayFromZero));
}
