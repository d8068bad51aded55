namespace SmartCity.Twin.Api.Districts;

/// <summary>The body of <c>GET /api/v1/districts</c>: every district of the province, ordered by id.</summary>
internal sealed record DistrictList(string ProvinceId, string ProvinceName, IReadOnlyList<DistrictListItem> Items);
