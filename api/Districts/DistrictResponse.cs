using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Api.Districts;

/// <summary>The body of <c>GET /api/v1/districts/{id}</c>: which district, and the roll-up of its devices.</summary>
internal sealed record DistrictResponse(string Id, string Name, string ProvinceId, string ProvinceName, AreaRollup Rollup);
