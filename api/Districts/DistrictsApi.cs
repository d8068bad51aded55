using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Districts;

/// <summary>Districts and the province: boundaries and live roll-ups.</summary>
internal static class DistrictsApi
{
    public static IServiceCollection AddDistrictsApi(this IServiceCollection services) => services.AddSingleton<ProvinceShapes>();

    public static IEndpointRouteBuilder MapDistrictsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Districts");
        api.MapGet("/districts", ListDistrictsAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("ListDistricts")
            .WithSummary("Every district of the province with its live roll-up (no geometry)")
            .Produces<DistrictList>();
        api.MapGet("/districts.geojson", GetDistrictFeaturesAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("ListDistrictFeatures")
            .WithSummary("District polygons with roll-up properties as a GeoJSON FeatureCollection, for a choropleth")
            .WithDescription(
                "Feature properties: id, name, devices, online, offline, unknown, devicesWithWarnings, activeWarningsByType, worstAqi, "
                + "worstAqiBand, lastUpdated. The boundaries are CC BY 3.0 IGO: show the collection's attribution with the map.")
            .Produces<string>(StatusCodes.Status200OK, DistrictFeatureCollection.ContentType);
        api.MapGet("/districts/{id}", GetDistrictAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetDistrict")
            .WithSummary("One district: identity, live roll-up and boundary (GeoJSON geometry)")
            .Produces<DistrictResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/province", GetProvinceAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetProvince")
            .WithSummary("The province: identity, extent, live roll-up of every device and outline (GeoJSON geometry)")
            .Produces<ProvinceResponse>();
        return endpoints;
    }

    private static async Task<IResult> ListDistrictsAsync(ProvinceMap map, IGrainFactory grains)
    {
        var rollups = await DistrictRollupsAsync(map, grains);
        var items = new List<DistrictListItem>(map.Districts.Count);
        foreach (var district in map.Districts)
        {
            // The province lists every district; asking the district itself only covers a province twin from an older build.
            var rollup = rollups.GetValueOrDefault(district.Id) ?? await grains.GetGrain<IDistrictTwin>(district.Id).GetRollup();
            items.Add(new DistrictListItem(district.Id, district.Name, rollup));
        }

        return TypedResults.Ok(new DistrictList(map.Id, map.Name, items));
    }

    private static async Task<IResult> GetDistrictFeaturesAsync(ProvinceMap map, ProvinceShapes shapes, IGrainFactory grains) =>
        new DistrictFeatureCollection(map, shapes, await DistrictRollupsAsync(map, grains));

    private static async Task<IResult> GetDistrictAsync(string id, ProvinceMap map, ProvinceShapes shapes, IGrainFactory grains)
    {
        if (map.FindDistrict(id) is not { } district)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "District not found",
                detail: $"'{id}' is not a district of {map.Name}. Districts: {string.Join(", ", map.Districts.Select(d => d.Id))}.");
        }

        var rollup = await grains.GetGrain<IDistrictTwin>(district.Id).GetRollup();
        return TypedResults.Ok(new DistrictResponse(
            district.Id, district.Name, map.Id, map.Name, rollup, shapes.DistrictGeometry(district), ProvinceMap.Attribution));
    }

    private static async Task<IResult> GetProvinceAsync(ProvinceMap map, ProvinceShapes shapes, IGrainFactory grains)
    {
        var rollup = await grains.GetGrain<IProvinceTwin>(map.Id).GetRollup();
        return TypedResults.Ok(new ProvinceResponse(map.Id, map.Name, map.Bounds, rollup, shapes.Outline, ProvinceMap.Attribution));
    }

    /// <summary>One call to the province twin rather than one per district.</summary>
    private static async Task<IReadOnlyDictionary<string, AreaRollup>> DistrictRollupsAsync(ProvinceMap map, IGrainFactory grains)
    {
        var rollups = await grains.GetGrain<IProvinceTwin>(map.Id).GetDistrictRollups();
        return rollups.ToDictionary(r => r.AreaId, StringComparer.Ordinal);
    }
}
