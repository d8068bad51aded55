using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SmartCity.Twin.Gateways.Devices.Bridge;

/// <summary>
/// The bridge to an external MQTT broker, bound from <c>Mqtt:Bridge</c>. Deployments whose devices already talk to a
/// broker of their own (mosquitto, EMQX, a vendor's cloud) point the twin at it instead of re-pointing every device.
/// </summary>
internal sealed class MqttBridgeOptions
{
    public const string SectionName = "Mqtt:Bridge";

    /// <summary>
    /// <c>mqtt://host[:port]</c> (default port 1883) or <c>mqtts://host[:port]</c> (TLS, default 8883); <c>tcp://</c> and
    /// <c>ssl://</c> are accepted as synonyms. Default none: the bridge is off.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Default none (anonymous).</summary>
    public string? Username { get; set; }

    /// <summary>Default none.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The client identifier; default <c>smartcity-twin-&lt;machine name&gt;</c>. It names the broker-side session that
    /// queues QoS 1 messages while the silo is down, so it must be stable across restarts and unique per silo.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Topic filters subscribed at QoS 1; default <c>city/v1/#</c>. In configuration, an array or one comma-separated string.</summary>
    public IReadOnlyList<string> Topics { get; set; } = DefaultTopics;

    /// <summary>v5 session expiry asked of the broker: how long it queues for the silo while it is down. Default 1 day.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Keep-alive in CONNECT. Default 30 s.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay, doubled after each failure. Default 1 s.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. Default 60 s.</summary>
    public TimeSpan MaximumReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    internal static readonly string[] DefaultTopics = ["city/v1/#"];

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);

    public string EffectiveClientId =>
        string.IsNullOrWhiteSpace(ClientId) ? "smartcity-twin-" + Environment.MachineName.ToLowerInvariant() : ClientId;

    /// <summary>
    /// Reads <c>Mqtt:Bridge</c>. Bound by hand because the configuration binder appends an array to a non-empty default
    /// instead of replacing it, and because <c>Topics</c> may be one comma-separated string (an environment variable).
    /// </summary>
    public static MqttBridgeOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new MqttBridgeOptions
        {
            Url = Trimmed(section["Url"]),
            Username = Trimmed(section["Username"]),
            Password = section["Password"],
            ClientId = Trimmed(section["ClientId"]),
        };

        var topicsSection = section.GetSection("Topics");
        var topics = topicsSection.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : topicsSection.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(t => t.Length > 0).ToArray();
        if (topics.Length > 0)
        {
            options.Topics = topics;
        }

        options.SessionExpiry = TimeSpanOr(section["SessionExpiry"], options.SessionExpiry);
        options.KeepAlive = TimeSpanOr(section["KeepAlive"], options.KeepAlive);
        options.InitialReconnectDelay = TimeSpanOr(section["InitialReconnectDelay"], options.InitialReconnectDelay);
        options.MaximumReconnectDelay = TimeSpanOr(section["MaximumReconnectDelay"], options.MaximumReconnectDelay);
        return options;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TimeSpan TimeSpanOr(string? value, TimeSpan fallback) =>
        value is null ? fallback
        : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new InvalidOperationException($"Mqtt:Bridge: '{value}' is not a time span (hh:mm:ss).");
}
