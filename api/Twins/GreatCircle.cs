using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Twins;

/// <summary>Distances on the WGS 84 mean sphere: within 0.5 % of geodesic distance, plenty for "what is near this fire".</summary>
internal static class GreatCircle
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance in metres.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var lat1 = double.DegreesToRadians(a.Latitude);
        var lat2 = double.DegreesToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
