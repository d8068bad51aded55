using System.Text.Json;
using SmartCity.Twin.Grains.Rollups;

namespace SmartCity.Twin.Api.Districts;

/// <summary>The body of <c>GET /api/v1/districts/{id}</c>: which district, the roll-up of its devices, and its boundary as a GeoJSON geometry.</summary>
internal sealed record DistrictResponse(string Id, string Name, string ProvinceId, string ProvinceName, AreaRollup Rollup, JsonElement Geometry, string Attribution);
