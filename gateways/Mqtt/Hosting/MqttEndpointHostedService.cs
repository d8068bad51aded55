using Microsoft.Extensions.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Gateways.Mqtt.Hosting;

/// <summary>Starts the MQTT endpoint with the host and stops it (disconnecting every client) when the host stops.</summary>
internal sealed class MqttEndpointHostedService(MqttEndpoint endpoint) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => endpoint.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => endpoint.StopAsync(cancellationToken);
}
