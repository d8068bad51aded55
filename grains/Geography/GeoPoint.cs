using System.Text.Json.Serialization;

namespace SmartCity.Twin.Grains.Geography;

/// <summary>A WGS 84 position in degrees, longitude first as in GeoJSON (RFC 7946).</summary>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Not part of the JSON: a position is serialized as its coordinates only.</summary>
    [JsonIgnore]
    public bool IsValid =>
        double.IsFinite(Longitude) && double.IsFinite(Latitude)
        && Longitude is >= -180 and <= 180
        && Latitude is >= -90 and <= 90;
}
