namespace SmartCity.Twin.Gateways.Devices.Bridge;

/// <summary>Counters of the bridge since start; safe to read from any thread.</summary>
internal sealed class MqttBridgeMetrics
{
    private long _connects;
    private long _received;
    private long _applied;
    private long _refused;
    private long _failed;

    /// <summary>Connections to the external broker that got as far as subscribing (the first one plus reconnects).</summary>
    public long Connects => Volatile.Read(ref _connects);

    public long MessagesReceived => Volatile.Read(ref _received);

    /// <summary>Messages the twin accepted.</summary>
    public long MessagesApplied => Volatile.Read(ref _applied);

    /// <summary>Messages the twin refused (unknown topic, malformed payload...); acknowledged and dropped.</summary>
    public long MessagesRefused => Volatile.Read(ref _refused);

    /// <summary>Messages whose apply threw; not acknowledged, so the broker delivers them again after the reconnect.</summary>
    public long MessagesFailed => Volatile.Read(ref _failed);

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void Received() => Interlocked.Increment(ref _received);

    internal void Applied() => Interlocked.Increment(ref _applied);

    internal void Refused() => Interlocked.Increment(ref _refused);

    internal void Failed() => Interlocked.Increment(ref _failed);
}
