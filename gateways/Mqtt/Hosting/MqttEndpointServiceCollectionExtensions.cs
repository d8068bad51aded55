using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Gateways.Mqtt.Hosting;

public static class MqttEndpointServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MQTT endpoint: <see cref="MqttEndpointOptions"/> from the <c>Mqtt</c> section, the endpoint as a
    /// singleton and as <see cref="IMqttBroker"/>, and a hosted service that starts and stops it. The twin side registers
    /// the <see cref="IMqttClientAuthority"/>.
    /// </summary>
    public static IServiceCollection AddMqttEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MqttEndpointOptions>(configuration.GetSection(MqttEndpointOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new MqttEndpoint(
            provider.GetRequiredService<IOptions<MqttEndpointOptions>>().Value,
            provider.GetRequiredService<IMqttClientAuthority>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IMqttBroker>(provider => provider.GetRequiredService<MqttEndpoint>());
        services.AddHostedService(provider => new MqttEndpointHostedService(provider.GetRequiredService<MqttEndpoint>()));
        return services;
    }
}
