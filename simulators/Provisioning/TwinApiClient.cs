using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>
/// The simulators' side of the open API (<c>--api</c>, <c>--api-key</c>): provisions devices exactly as an integrator
/// does, with <c>PUT /api/v1/twins/{id}</c>, and gets their credentials.
/// </summary>
internal sealed class TwinApiClient(HttpClient http)
{
    /// <summary>The scope a gateway key needs to publish on behalf of devices.</summary>
    public const string GatewayScope = "write:telemetry";

    /// <summary>
    /// Creates or updates the device's twin and returns the device's credentials: the ones issued with a new twin, or,
    /// for a twin that already exists, a fresh secret (<c>POST .../credentials</c>; the old one stops working).
    /// </summary>
    public async Task<DeviceCredentials> ProvisionAsync(SimulatedDevice device, CancellationToken cancellationToken)
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
        using (var response = await http.PutAsJsonAsync(new Uri($"api/v1/twins/{id}", UriKind.Relative), body, cancellationToken).ConfigureAwait(false))
        {
            var json = await ReadAsync(response, $"PUT /api/v1/twins/{device.Id}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Created && json.TryGetProperty("credentials", out var issued) && issued.ValueKind == JsonValueKind.Object)
            {
                return Credentials(issued);
            }
        }

        using var rotated = await http.PostAsync(new Uri($"api/v1/twins/{id}/credentials", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        return Credentials(await ReadAsync(rotated, $"POST /api/v1/twins/{device.Id}/credentials", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Issues an API key with <see cref="GatewayScope"/>, for an MQTT gateway connection that speaks for many devices.</summary>
    public async Task<string> CreateGatewayKeyAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri("api/v1/auth/keys", UriKind.Relative),
            new { name, scopes = new[] { GatewayScope } },
            cancellationToken).ConfigureAwait(false);
        var json = await ReadAsync(response, "POST /api/v1/auth/keys", cancellationToken).ConfigureAwait(false);
        return json.GetProperty("key").GetString() ?? throw new TwinApiException("POST /api/v1/auth/keys returned no key.");
    }

    /// <summary>One twin as <c>GET /api/v1/twins/{id}</c> returns it.</summary>
    public async Task<JsonElement> GetTwinAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"api/v1/twins/{Uri.EscapeDataString(id)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, $"GET /api/v1/twins/{id}", cancellationToken).ConfigureAwait(false);
    }

    private static DeviceCredentials Credentials(JsonElement json) => new(
        json.GetProperty("username").GetString()!,
        json.GetProperty("password").GetString()!,
        json.GetProperty("accessToken").GetString()!);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new TwinApiException($"{request}: {(int)response.StatusCode} {Problem(text)}");
        }

        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TwinApiException($"{request}: the response is not JSON: {e.Message}", e);
        }
    }

    private static string Problem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
