using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Twins;

internal static class TwinsApi
{
    public static IServiceCollection AddTwinsApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapTwinsApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
