namespace SmartCity.Twin.Grains.Geography;

/// <summary>A longitude/latitude bounding box in degrees.</summary>
public readonly record struct GeoBounds(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public bool Contains(GeoPoint point) =>
        point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude
        && point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude;
}
