using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Documentation;

internal static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints) => endpoints;
}
