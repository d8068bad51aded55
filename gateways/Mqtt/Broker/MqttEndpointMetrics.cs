namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Monotonic counters of one endpoint since start; safe to read from any thread.</summary>
public sealed class MqttEndpointMetrics
{
    private long _connectionsAccepted;
    private long _connectionsRefused;
    private readonly MqttStripedCounter _publishesReceived = new();
    private long _publishesRefused;
    private long _subscriptionsRefused;
    private long _malformedPackets;
    private readonly MqttStripedCounter _messagesDelivered = new();
    private readonly MqttStripedCounter _messagesDropped = new();
    private long _connectionsFailed;

    public long ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>CONNECTs answered with a failure reason code (bad credentials, unsupported version, server busy...).</summary>
    public long ConnectionsRefused => Volatile.Read(ref _connectionsRefused);

    public long PublishesReceived => _publishesReceived.Value;

    /// <summary>Inbound publishes the policy refused (not authorised, invalid payload...); in 3.1.1 these are silently dropped.</summary>
    public long PublishesRefused => Volatile.Read(ref _publishesRefused);

    public long SubscriptionsRefused => Volatile.Read(ref _subscriptionsRefused);

    /// <summary>Connections closed for a malformed or oversized packet.</summary>
    public long MalformedPackets => Volatile.Read(ref _malformedPackets);

    public long MessagesDelivered => _messagesDelivered.Value;

    /// <summary>Messages dropped from a full session queue or expired before delivery.</summary>
    public long MessagesDropped => _messagesDropped.Value;

    /// <summary>Connections ended by an unexpected exception in the endpoint (contained to that connection).</summary>
    public long ConnectionsFailed => Volatile.Read(ref _connectionsFailed);

    internal void ConnectionFailed() => Interlocked.Increment(ref _connectionsFailed);

    internal void ConnectionAccepted() => Interlocked.Increment(ref _connectionsAccepted);

    internal void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);

    internal void PublishReceived() => _publishesReceived.Increment();

    internal void PublishRefused() => Interlocked.Increment(ref _publishesRefused);

    internal void SubscriptionRefused() => Interlocked.Increment(ref _subscriptionsRefused);

    internal void MalformedPacket() => Interlocked.Increment(ref _malformedPackets);

    internal void MessageDelivered() => _messagesDelivered.Increment();

    internal void MessageDropped() => _messagesDropped.Increment();
}
