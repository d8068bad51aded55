using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartCity.Twin.Gateways.Devices.Bridge;

internal static class MqttBridgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MqttBridge"/> when <c>Mqtt:Bridge:Url</c> is set; does nothing otherwise. Needs an
    /// <see cref="Topics.IDeviceMessageSink"/> registered by the caller.
    /// </summary>
    public static IServiceCollection AddMqttBridge(this IServiceCollection services, IConfiguration configuration)
    {
        var options = MqttBridgeOptions.FromConfiguration(configuration);
        if (!options.IsEnabled)
        {
            return services;
        }

        // Fail at start-up, not in the background loop, on a URL that can never work.
        _ = MqttBridgeEndpoint.Parse(options.Url!);
        services.AddSingleton(options);
        services.TryAddSingleton<MqttBridgeMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<MqttBridge>();
        return services;
    }
}
