using System.Text.Json;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Api.Districts;

/// <summary>The body of <c>GET /api/v1/province</c>: identity, extent, roll-up of every device, and the outline as a GeoJSON geometry.</summary>
internal sealed record ProvinceResponse(string Id, string Name, GeoBounds Bounds, AreaRollup Rollup, JsonElement Geometry, string Attribution);
