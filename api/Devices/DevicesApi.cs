using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// What goes to and comes from devices through the API: commands and desired properties down, telemetry, events and
/// reported properties up over HTTP, the MQTT gateway's status.
/// </summary>
internal static class DevicesApi
{
    public static IServiceCollection AddDevicesApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapDeviceCommands();
        api.MapDesiredProperties();
        api.MapDeviceIngestion();
        api.MapGet("/gateways/mqtt", (IMqttBroker broker) => TypedResults.Ok(new MqttEndpointStatus(broker.ConnectedClients, broker.Metrics)))
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("GetMqttGatewayStatus")
            .WithSummary("The MQTT endpoint's connected clients and counters since start")
            .WithTags("Devices")
            .Produces<MqttEndpointStatus>();
        return endpoints;
    }
}
