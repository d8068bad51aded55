using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Hosting;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Live;

/// <summary>The SignalR live hub at <c>/hubs/twin</c>: snapshots and coalesced deltas of twins and alerts (api/Live/README.md).</summary>
internal static class LiveHubApi
{
    public const string Path = "/hubs/twin";

    public static IServiceCollection AddLiveHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>()
            .Bind(configuration.GetSection(LiveOptions.SectionName))
            .Validate(options =>
            {
                options.Validate();
                return true;
            });

        // JSON only: the MessagePack protocol's package is not served by this project's package source.
        services.AddSignalR()
            .AddJsonProtocol(options =>
            {
                options.PayloadSerializerOptions.Converters.Add(new DeviceKindJsonConverter());
                options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            });
        services.AddSingleton<LiveSnapshots>();
        services.AddSingleton<LiveRouter>();
        services.AddSingleton<ITwinObserver>(provider => provider.GetRequiredService<LiveRouter>());
        services.AddSingleton<IAlertObserver>(provider => provider.GetRequiredService<LiveRouter>());
        return services;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<TwinHub>(Path).RequireAuthorization(ApiPolicies.ReadTwins);
        return endpoints;
    }
}
