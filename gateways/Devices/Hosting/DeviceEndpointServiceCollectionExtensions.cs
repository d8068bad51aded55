using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCity.Twin.Gateways.Devices.Bridge;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Desired;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Hosting;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Gateways.Devices.Hosting;

internal static class DeviceEndpointServiceCollectionExtensions
{
    /// <summary>
    /// The MQTT device endpoint (section <c>Mqtt</c>) with device identity and topic ACL, the bridge to an external
    /// broker when <c>Mqtt:Bridge:Url</c> is set, and command dispatch. Needs the grain runtime and an
    /// <see cref="IOperatorKeys"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddDeviceEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TwinMessageSink>();
        services.AddSingleton<IDeviceMessageSink>(sp => sp.GetRequiredService<TwinMessageSink>());
        services.AddSingleton<PendingCommands>();
        services.AddSingleton<DeviceCommandDispatcher>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DesiredPropertiesPublisher>(sp, new Func<IMqttBroker>(sp.GetRequiredService<IMqttBroker>)));
        services.AddSingleton<ITwinObserver>(sp => sp.GetRequiredService<DesiredPropertiesPublisher>());
        services.AddSingleton<DeviceConnections>();
        services.AddSingleton<IMqttClientAuthority, DeviceAuthority>();
        services.AddMqttEndpoint(configuration);
        services.AddMqttBridge(configuration);
        return services;
    }
}
