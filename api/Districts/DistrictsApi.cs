using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Grains.Districts;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Districts;

/// <summary>Districts and the province: boundaries and live roll-ups.</summary>
internal static class DistrictsApi
{
    public static IServiceCollection AddDistrictsApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDistrictsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/districts/{id}", GetDistrictAsync).RequireAuthorization(ApiPolicies.ReadTwins);
        return endpoints;
    }

    private static async Task<IResult> GetDistrictAsync(string id, ProvinceMap map, SmartCity.Twin.Runtime.IGrainFactory grains)
    {
        if (map.FindDistrict(id) is not { } district)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "District not found",
                detail: $"'{id}' is not a district of {map.Name}. Districts: {string.Join(", ", map.Districts.Select(d => d.Id))}.");
        }

        var rollup = await grains.GetGrain<IDistrictTwin>(district.Id).GetRollup();
        return TypedResults.Ok(new DistrictResponse(district.Id, district.Name, map.Id, map.Name, rollup));
    }
}
