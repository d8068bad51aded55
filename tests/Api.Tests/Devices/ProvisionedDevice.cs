using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>A device provisioned through <c>PUT /api/v1/twins/{id}</c>, with the credentials the response issued.</summary>
internal sealed record ProvisionedDevice(string Id, string Kind, string Username, string Password, string AccessToken)
{
    public static async Task<ProvisionedDevice> CreateAsync(HttpClient admin, string kind, string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        using var response = await admin.PutAsJsonAsync(
            $"/api/v1/twins/{id}",
            new { kind, name = $"Device {id}", location = new { lon = 106.34, lat = 20.45 } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var credentials = body.RootElement.GetProperty("credentials");
        return new ProvisionedDevice(
            id,
            kind,
            credentials.GetProperty("username").GetString()!,
            credentials.GetProperty("password").GetString()!,
            credentials.GetProperty("accessToken").GetString()!);
    }

    /// <summary><c>Authorization: Basic base64(id:secret)</c>.</summary>
    public AuthenticationHeaderValue Basic => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));

    public string Topic(string channel) => $"city/v1/{Kind}/{Id}/{channel}";
}
