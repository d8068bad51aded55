namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>Why an authenticated connection ended.</summary>
public enum MqttConnectionCloseReason
{
    /// <summary>The client sent DISCONNECT (normal disconnection; the Will is discarded unless v5 reason 0x04).</summary>
    ClientDisconnected,

    /// <summary>The network connection dropped without DISCONNECT; the Will fires.</summary>
    ConnectionLost,

    /// <summary>Nothing arrived within 1.5 × keep-alive; the Will fires.</summary>
    KeepAliveTimeout,

    /// <summary>The client broke the protocol (malformed packet, oversized packet, protocol error); the Will fires.</summary>
    ProtocolViolation,

    /// <summary>Another connection with the same client identifier took the session over; the Will fires (v5 0x8E).</summary>
    SessionTakenOver,

    /// <summary>The silo is stopping.</summary>
    ServerShutdown,
}
