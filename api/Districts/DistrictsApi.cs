using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Districts;

internal static class DistrictsApi
{
    public static IServiceCollection AddDistrictsApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDistrictsApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
