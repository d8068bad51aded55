using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Districts;

/// <summary>A district's identity and geometry for maps and APIs. <see cref="GeometryGeoJson"/> is a GeoJSON geometry object (WGS 84).</summary>
public sealed record DistrictInfo(
    string Id,
    string Name,
    string ProvinceId,
    string ProvinceName,
    GeoPoint Centroid,
    GeoPoint InteriorPoint,
    GeoBounds Bounds,
    string GeometryGeoJson,
    string? Note);
