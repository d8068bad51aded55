using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Province;

/// <summary>A district as listed by its province.</summary>
public sealed record DistrictSummary(string Id, string Name, GeoPoint InteriorPoint, GeoBounds Bounds);
