using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Grains.Province;

/// <summary>The province's identity, extent and districts, with the attribution its boundaries must be shown with.</summary>
public sealed record ProvinceInfo(string Id, string Name, GeoBounds Bounds, IReadOnlyList<DistrictSummary> Districts, string Attribution);
