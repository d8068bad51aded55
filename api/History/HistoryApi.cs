using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.History;

internal static class HistoryApi
{
    public static IServiceCollection AddMetricHistory(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
