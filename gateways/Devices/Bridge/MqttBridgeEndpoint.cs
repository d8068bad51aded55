namespace SmartCity.Twin.Gateways.Devices.Bridge;

/// <summary>Where <see cref="MqttBridgeOptions.Url"/> points.</summary>
internal readonly record struct MqttBridgeEndpoint(string Host, int Port, bool UseTls, string? Username, string? Password)
{
    /// <summary>Parses <c>mqtt://</c>, <c>tcp://</c>, <c>mqtts://</c> or <c>ssl://</c> URLs, with optional <c>user:password@</c>.</summary>
    public static MqttBridgeEndpoint Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"Mqtt:Bridge:Url '{url}' is not a URL such as mqtt://broker:1883.");
        }

        var useTls = uri.Scheme switch
        {
            "mqtt" or "tcp" => false,
            "mqtts" or "ssl" or "tls" => true,
            _ => throw new InvalidOperationException($"Mqtt:Bridge:Url '{url}': the scheme must be mqtt:// or mqtts://."),
        };

        var port = uri.IsDefaultPort || uri.Port <= 0 ? (useTls ? 8883 : 1883) : uri.Port;
        string? username = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        // Brackets of an IPv6 literal are URL syntax, not part of the address.
        return new MqttBridgeEndpoint(uri.Host.Trim('[', ']'), port, useTls, username, password);
    }
}
