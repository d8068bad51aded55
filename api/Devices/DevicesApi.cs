using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Devices;

internal static class DevicesApi
{
    public static IServiceCollection AddDevicesApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
