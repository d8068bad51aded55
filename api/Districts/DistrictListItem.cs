using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Api.Districts;

/// <summary>One district in <c>GET /api/v1/districts</c>: identity and live roll-up, no geometry.</summary>
internal sealed record DistrictListItem(string Id, string Name, AreaRollup Rollup);
