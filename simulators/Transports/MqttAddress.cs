using System.Globalization;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>The twin's MQTT endpoint as <c>--mqtt</c> gives it: <c>host:port</c>, or a host alone for port 1883.</summary>
internal sealed record MqttAddress(string Host, int Port)
{
    public const int DefaultPort = 1883;

    public static bool TryParse(string? text, out MqttAddress address)
    {
        address = new MqttAddress("localhost", DefaultPort);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mqtt://".Length..].TrimEnd('/');
        }

        // A bracketed IPv6 literal keeps its colons: [::1]:1883.
        var colon = text.LastIndexOf(':');
        var closing = text.LastIndexOf(']');
        if (colon < 0 || colon < closing)
        {
            address = new MqttAddress(text.Trim('[', ']'), DefaultPort);
            return text.Length > 0;
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Length == 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65_535)
        {
            return false;
        }

        address = new MqttAddress(host, port);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
