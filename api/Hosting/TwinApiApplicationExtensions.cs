using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Alerts;
using SmartCity.Twin.Api.Devices;
using SmartCity.Twin.Api.Districts;
using SmartCity.Twin.Api.Documentation;
using SmartCity.Twin.Api.History;
using SmartCity.Twin.Api.Kpis;
using SmartCity.Twin.Api.Live;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;

namespace SmartCity.Twin.Api.Hosting;

/// <summary>
/// The open twin API: REST under <c>/api/v1</c>, the live hub at <c>/hubs/twin</c>, the OpenAPI document. Each
/// capability registers its own services and endpoints; this is only the order they are composed in.
/// </summary>
public static class TwinApiApplicationExtensions
{
    public static IServiceCollection AddTwinApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new DeviceKindJsonConverter());
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddApiErrors(configuration);
        services.AddApiSecurity(configuration);
        services.AddApiDocumentation();
        services.AddTwinsApi();
        services.AddDevicesApi();
        services.AddDistrictsApi();
        services.AddMetricHistory(configuration);
        services.AddKpis(configuration);
        services.AddAlertsApi();
        services.AddLiveHub(configuration);
        return services;
    }

    /// <summary>Middleware (body limit, CORS, authentication, rate limits, authorization) then endpoints; call after exception handling.</summary>
    public static WebApplication UseTwinApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiRequestBodyLimit();
        app.MapApiDocumentation();
        app.UseApiSecurity();
        app.MapApiSecurity();
        app.MapTwinsApi();
        app.MapDevicesApi();
        app.MapDistrictsApi();
        app.MapHistoryApi();
        app.MapKpisApi();
        app.MapAlertsApi();
        app.MapLiveHub();
        return app;
    }
}
