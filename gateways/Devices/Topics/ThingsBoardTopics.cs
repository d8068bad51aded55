namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>
/// ThingsBoard's device API (<c>v1/devices/me/...</c>), so firmware written for ThingsBoard works unchanged. "me" is
/// whoever is connected, so messages down to such a device are routed under a per-device internal topic starting with
/// <c>$</c> (which no wildcard subscription matches) and renamed when delivered.
/// </summary>
internal static class ThingsBoardTopics
{
    public const string Me = "v1/devices/me/";
    public const string Telemetry = Me + "telemetry";
    public const string Attributes = Me + "attributes";
    public const string RpcRequestFilter = Me + "rpc/request/+";
    public const string RpcRequestPrefix = Me + "rpc/request/";
    public const string RpcResponsePrefix = Me + "rpc/response/";

    /// <summary>The internal prefix standing for <see cref="Me"/> of one device.</summary>
    public static string InternalPrefix(string deviceId) => $"$twin/tb/{deviceId}/";

    public static string RpcRequest(string deviceId, string requestId) => $"{InternalPrefix(deviceId)}rpc/request/{requestId}";
}
