using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// HTTP ingestion is for devices, which have no API key: the endpoint is anonymous to ASP.NET and this filter asks for
/// the device's own credential, the one it would use over MQTT: <c>Authorization: Basic base64(id:secret)</c> or
/// ThingsBoard's access token in <c>X-Device-Token</c>. An API key with <c>write:telemetry</c> (gateways, simulators) or
/// <c>admin</c> (operators backfilling data) also passes.
/// </summary>
internal sealed class DeviceCredentialFilter(IGrainFactory grains, ILogger<DeviceCredentialFilter> logger) : IEndpointFilter
{
    public const string Realm = "SmartCity.Twin devices";

    public const string TokenHeader = "X-Device-Token";

    private const int MaxCredentialLength = 512;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (ScopeRequirement.Grants(http.User, ApiScopes.WriteTelemetry))
        {
            return await next(context);
        }

        var id = http.Request.RouteValues["id"] as string ?? string.Empty;
        if (!TryReadCredential(http.Request, out var deviceId, out var secret, out var malformed))
        {
            if (malformed is null && http.User.Identity?.IsAuthenticated == true)
            {
                DeviceApiLog.CredentialRefused(logger, id, "a key or sign-in without the write:telemetry scope");
                return DeviceProblems.ScopeMissing(ApiScopes.WriteTelemetry);
            }

            return malformed is null
                ? DeviceProblems.Unauthenticated(
                    http,
                    "Device credential required",
                    $"Send the device's credential: Authorization: Basic base64(id:secret), or its access token in {TokenHeader}.")
                : DeviceProblems.Unauthenticated(http, "Malformed device credential", malformed);
        }

        var kind = await grains.GetGrain<IDeviceCredentials>(deviceId).Authenticate(secret);
        if (kind is null)
        {
            DeviceApiLog.CredentialRefused(logger, id, "unknown device or wrong secret");
            return DeviceProblems.Unauthenticated(http, "Device credential refused", "Unknown device or wrong secret.");
        }

        if (!string.Equals(deviceId, id, StringComparison.Ordinal))
        {
            DeviceApiLog.CredentialRefused(logger, id, "another device's credential");
            return DeviceProblems.OtherDevice(deviceId, id);
        }

        new AuthenticatedDevice(deviceId, kind.Value).AttachTo(http);
        return await next(context);
    }

    /// <returns><c>false</c> with <paramref name="malformed"/> <c>null</c> when there is no device credential at all.</returns>
    private static bool TryReadCredential(HttpRequest request, out string deviceId, out string secret, out string? malformed)
    {
        deviceId = secret = string.Empty;
        malformed = null;
        if (request.Headers.TryGetValue(TokenHeader, out var tokens) && tokens.Count > 0)
        {
            if (tokens.Count != 1 || tokens[0] is not { Length: > 0 and <= MaxCredentialLength } token || !AccessToken.TryParse(token, out deviceId, out secret))
            {
                malformed = $"{TokenHeader} holds one access token, {{deviceId}}.{{secret}}, as issued when the twin was provisioned.";
                return false;
            }

            return true;
        }

        var authorization = request.Headers.Authorization.ToString();
        const string basic = "Basic ";
        if (!authorization.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = authorization.AsSpan(basic.Length).Trim();
        if (encoded.Length > MaxCredentialLength || !Base64.IsValid(encoded, out var decodedLength))
        {
            malformed = "Authorization: Basic carries base64(id:secret).";
            return false;
        }

        Span<byte> decoded = stackalloc byte[decodedLength];
        Convert.TryFromBase64Chars(encoded, decoded, out var written);
        var pair = Encoding.UTF8.GetString(decoded[..written]);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == pair.Length - 1)
        {
            malformed = "Authorization: Basic carries base64(id:secret), with the device id as user name and its secret as password.";
            return false;
        }

        deviceId = pair[..colon];
        secret = pair[(colon + 1)..];
        return true;
    }
}
