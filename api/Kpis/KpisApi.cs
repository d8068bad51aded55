using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Kpis;

internal static class KpisApi
{
    public static IServiceCollection AddKpis(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
