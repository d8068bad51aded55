namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// The single-string credential ThingsBoard firmware sends as its MQTT username: <c>{deviceId}.{secret}</c>. Secrets
/// are base64url and never contain a dot, so the last dot separates them even when a device id has dots.
/// </summary>
internal static class AccessToken
{
    public static string Create(string deviceId, string secret) => $"{deviceId}.{secret}";

    public static bool TryParse(string token, out string deviceId, out string secret)
    {
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || dot == token.Length - 1)
        {
            deviceId = secret = string.Empty;
            return false;
        }

        deviceId = token[..dot];
        secret = token[(dot + 1)..];
        return true;
    }
}
