using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCity.Twin.Api.Alerts;

internal static class AlertsApi
{
    public static IServiceCollection AddAlertsApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
