using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>
/// The simulators' side of the open API (<c>--api</c>, <c>--api-key</c>): provisions devices exactly as an integrator
/// does, with <c>PUT /api/v1/twins/{id}</c>, and gets their credentials. Rate limiting (429) is waited out as
/// <c>Retry-After</c> says, and transient failures (network, 502–504) are retried; anything else is a
/// <see cref="TwinApiException"/> with the API's problem.
/// </summary>
internal sealed class TwinApiClient(HttpClient http, TimeProvider? time = null)
{
    /// <summary>The scope a gateway key needs to publish on behalf of devices.</summary>
    public const string GatewayScope = "write:telemetry";

    private readonly ApiRetry retry = new(http, time ?? TimeProvider.System, attempts: 6, longestWait: TimeSpan.FromSeconds(60));

    /// <summary>
    /// Creates or updates the device's twin and returns the device's credentials: the ones issued with a new twin, or,
    /// for a twin that already exists, a fresh secret (<c>POST .../credentials</c>; the old one stops working).
    /// </summary>
    public async Task<DeviceCredentials> ProvisionAsync(SimulatedDevice device, CancellationToken cancellationToken) =>
        await ProvisionAsync(device, needsCredentials: true, cancellationToken).ConfigureAwait(false)
        ?? throw new TwinApiException($"PUT /api/v1/twins/{device.Id} issued no credentials.");

    /// <summary>
    /// Creates or updates the device's twin. Returns the credentials issued with a new twin; for an existing twin, fresh
    /// ones when <paramref name="needsCredentials"/> (a device behind a gateway needs none), else <c>null</c>.
    /// </summary>
    public async Task<DeviceCredentials?> ProvisionAsync(SimulatedDevice device, bool needsCredentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var id = Uri.EscapeDataString(device.Id);
        var body = new
        {
            kind = device.Kind.ToName(),
            name = device.Name,
            location = new { lon = device.Location.Longitude, lat = device.Location.Latitude },
            attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = device.Site, ["source"] = "simulator" },
        };
        var (status, json) = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, new Uri($"api/v1/twins/{id}", UriKind.Relative)) { Content = JsonContent.Create(body) },
            $"PUT /api/v1/twins/{device.Id}",
            cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Created && json.TryGetProperty("credentials", out var issued) && issued.ValueKind == JsonValueKind.Object)
        {
            return Credentials(issued, $"PUT /api/v1/twins/{device.Id}");
        }

        if (!needsCredentials)
        {
            return null;
        }

        var (_, rotated) = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri($"api/v1/twins/{id}/credentials", UriKind.Relative)),
            $"POST /api/v1/twins/{device.Id}/credentials",
            cancellationToken).ConfigureAwait(false);
        return Credentials(rotated, $"POST /api/v1/twins/{device.Id}/credentials");
    }

    /// <summary>Issues an API key with <see cref="GatewayScope"/>, for an MQTT gateway connection that speaks for many devices.</summary>
    public async Task<string> CreateGatewayKeyAsync(string name, CancellationToken cancellationToken)
    {
        var (_, json) = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/auth/keys", UriKind.Relative))
            {
                Content = JsonContent.Create(new { name, scopes = new[] { GatewayScope } }),
            },
            "POST /api/v1/auth/keys",
            cancellationToken).ConfigureAwait(false);
        return json.TryGetProperty("key", out var key) && key.GetString() is { Length: > 0 } text
            ? text
            : throw new TwinApiException("POST /api/v1/auth/keys returned no key.");
    }

    /// <summary>Revokes an API key, e.g. a run's gateway key once the run is over.</summary>
    public async Task RevokeKeyAsync(string name, CancellationToken cancellationToken) =>
        await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, new Uri($"api/v1/auth/keys/{Uri.EscapeDataString(name)}", UriKind.Relative)),
            $"DELETE /api/v1/auth/keys/{name}",
            cancellationToken).ConfigureAwait(false);

    /// <summary>One twin as <c>GET /api/v1/twins/{id}</c> returns it.</summary>
    public async Task<JsonElement> GetTwinAsync(string id, CancellationToken cancellationToken)
    {
        var (_, json) = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/twins/{Uri.EscapeDataString(id)}", UriKind.Relative)),
            $"GET /api/v1/twins/{id}",
            cancellationToken).ConfigureAwait(false);
        return json;
    }

    private static DeviceCredentials Credentials(JsonElement json, string request)
    {
        if (json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("username", out var username) && username.GetString() is { Length: > 0 } user
            && json.TryGetProperty("password", out var password) && password.GetString() is { Length: > 0 } secret)
        {
            var token = json.TryGetProperty("accessToken", out var t) ? t.GetString() ?? "" : "";
            return new DeviceCredentials(user, secret, token);
        }

        throw new TwinApiException($"{request}: the response carries no username and password.");
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(Func<HttpRequestMessage> request, string description, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await retry.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TwinApiException($"{description}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TwinApiException($"{description}: no answer within {http.Timeout.TotalSeconds:0} s", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (response.StatusCode, Parse(text, description))
                : throw new TwinApiException($"{description}: {(int)response.StatusCode} {ApiProblem.Describe(text)}".TrimEnd(), response.StatusCode);
        }
    }

    private static JsonElement Parse(string text, string description)
    {
        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TwinApiException($"{description}: the response is not JSON: {e.Message}", e);
        }
    }
}
