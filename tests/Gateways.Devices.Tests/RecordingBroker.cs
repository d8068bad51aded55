using System.Collections.Concurrent;
using SmartCity.Twin.Gateways.Mqtt.Broker;

namespace SmartCity.Twin.Gateways.Devices.Tests;

/// <summary>Stands in for the endpoint where a test only needs to see what the silo publishes.</summary>
internal sealed class RecordingBroker : IMqttBroker
{
    public ConcurrentQueue<MqttApplicationMessage> Published { get; } = new();

    public int ConnectedClients => 0;

    public MqttEndpointMetrics Metrics { get; } = new();

    public ValueTask<int> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        Published.Enqueue(message);
        return ValueTask.FromResult(1);
    }
}
