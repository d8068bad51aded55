namespace SmartCity.Twin.Gateways.Mqtt.Hosting;

/// <summary>The MQTT endpoint's settings, bound from the <c>Mqtt</c> configuration section.</summary>
public sealed class MqttEndpointOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>Plain TCP port; default 1883 (IANA). 0 picks a free port (tests); -1 disables the plain listener.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address to listen on; default all interfaces (<c>0.0.0.0</c> and <c>::</c>).</summary>
    public string BindAddress { get; set; } = "::";

    /// <summary>TLS port (8883 is usual); used only when <see cref="CertificatePath"/> is set. Default 8883.</summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>PFX/PKCS#12 or PEM certificate for TLS; default none (TLS off).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>, or the PEM key file path for a PEM certificate; default none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Largest packet accepted, in bytes (Remaining Length plus header); larger ones close the connection (v5: 0x95). Default 256 KiB.</summary>
    public int MaximumPacketSize { get; set; } = 256 * 1024;

    /// <summary>QoS 1/2 publishes a v5 client may have unacknowledged at once (CONNACK Receive Maximum). Default 64.</summary>
    public ushort ReceiveMaximum { get; set; } = 64;

    /// <summary>Topic aliases a v5 client may use (CONNACK Topic Alias Maximum). Default 32.</summary>
    public ushort TopicAliasMaximum { get; set; } = 32;

    /// <summary>How long a new connection has to send a complete CONNECT before it is cut off (slow-loris). Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>QoS 1/2 messages kept for one session while its client is offline or slow; the oldest QoS 1 is dropped beyond it. Default 1000.</summary>
    public int MaximumQueuedMessagesPerSession { get; set; } = 1000;

    /// <summary>Longest session expiry a v5 client may ask for; persistent 3.1.1 sessions (clean session 0) also expire after it. Default 1 day.</summary>
    public TimeSpan MaximumSessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Connections accepted at once; further ones are refused (v5 CONNACK 0x89 "server busy"). Default 100,000.</summary>
    public int MaximumConnections { get; set; } = 100_000;

    /// <summary>Sessions held at once, online or offline; a CONNECT that would start another is refused (v5 0x97 "quota exceeded", 3.1.1 return code 3). Default 1,000,000.</summary>
    public int MaximumSessions { get; set; } = 1_000_000;

    /// <summary>Retained messages kept; further new retained topics are refused (v5 0x97 "quota exceeded"). Default 1,000,000.</summary>
    public int MaximumRetainedMessages { get; set; } = 1_000_000;
}
