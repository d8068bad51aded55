using NetTopologySuite.Geometries;

namespace SmartCity.Twin.Grains.Geography;

/// <summary>One feature of a districts GeoJSON file, before it becomes a <see cref="District"/>.</summary>
internal sealed record DistrictFeature(string Id, string Name, string ProvinceName, Geometry Geometry, string GeometryGeoJson, string? Note);
