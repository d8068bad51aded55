using System.Net.Security;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>How <see cref="MqttClientConnection"/> connects: where to, who it is, and the session it asks for.</summary>
internal sealed class MqttClientOptions
{
    public required string Host { get; init; }

    /// <summary>Default 1883 (use 8883 with TLS).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>TLS options; <c>null</c> (default) connects in plain TCP. <see cref="SslClientAuthenticationOptions.TargetHost"/> defaults to <see cref="Host"/>.</summary>
    public SslClientAuthenticationOptions? Tls { get; init; }

    /// <summary>The client identifier; empty asks the server to assign one (v5 returns it, 3.1.1 requires clean session).</summary>
    public string ClientId { get; init; } = "";

    public string? Username { get; init; }

    /// <summary>Raw password bytes; empty sends none.</summary>
    public ReadOnlyMemory<byte> Password { get; init; }

    public MqttProtocolVersion Version { get; init; } = MqttProtocolVersion.V500;

    /// <summary>3.1.1 Clean Session / v5 Clean Start. Default true.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>v5 only: how long the server keeps the session after the connection closes; 0 (default) ends it with the connection.
    /// 3.1.1 has no such field: there a persistent session is <see cref="CleanSession"/> = false.</summary>
    public TimeSpan SessionExpiry { get; init; }

    /// <summary>Keep-alive sent in CONNECT; PINGREQ goes out when nothing else was sent for this long. Zero disables it. Default 60 s.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    public MqttClientWill? Will { get; init; }

    /// <summary>
    /// QoS 1 and 2 publishes this client keeps in flight at most; v5 also caps it at the server's Receive Maximum.
    /// Default 20: a 3.1.1 server cannot say its limit, and mosquitto's default (max_inflight_messages 20) is common;
    /// mosquitto 2.0 acknowledges but silently drops QoS 1/2 messages from a 3.1.1 client beyond it.
    /// </summary>
    public int MaximumInFlight { get; init; } = 20;

    /// <summary>v5 Receive Maximum announced to the server: inbound QoS 1/2 it may send unacknowledged. Default 64.</summary>
    public ushort ReceiveMaximum { get; init; } = 64;

    /// <summary>Largest packet accepted from the server; larger ones close the connection. Default 1 MiB.</summary>
    public int MaximumPacketSize { get; init; } = 1024 * 1024;

    /// <summary>Time allowed for TCP, TLS and CONNACK. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
