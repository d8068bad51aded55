using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Live;

internal static class LiveHubApi
{
    public static IServiceCollection AddLiveHub(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder endpoints) => endpoints;
}
