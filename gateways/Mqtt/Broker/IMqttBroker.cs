namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>The endpoint as the rest of the silo sees it.</summary>
public interface IMqttBroker
{
    /// <summary>
    /// Routes a message to every matching subscription, online or queued in a persistent session, and retains it when
    /// asked. Returns the number of sessions it was delivered or queued to.
    /// </summary>
    ValueTask<int> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default);

    /// <summary>Connections that completed CONNECT and have not closed.</summary>
    int ConnectedClients { get; }

    /// <summary>Counters for operators and benchmarks (packets in/out, refused publishes and subscriptions, malformed packets, ...).</summary>
    MqttEndpointMetrics Metrics { get; }
}
