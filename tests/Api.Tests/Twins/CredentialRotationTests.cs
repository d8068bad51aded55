using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Api.Tests.Devices;
using SmartCity.Twin.Api.Tests.Security;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary><c>POST /api/v1/twins/{id}/credentials</c>: a new secret for a provisioned device, and the old one stops working.</summary>
public sealed class CredentialRotationTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Rotation_returns_new_credentials_in_the_shape_provisioning_issued_them()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "rotate-shape");

        var rotated = await RotateAsync(admin, device.Id);

        Assert.Equal(device.Id, rotated.Username);
        Assert.NotEqual(device.Password, rotated.Password);
        Assert.Equal($"{device.Id}.{rotated.Password}", rotated.AccessToken);
    }

    [Fact]
    public async Task Over_MQTT_the_new_secret_connects_and_the_old_one_is_refused()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "rotate-mqtt");

        var rotated = await RotateAsync(admin, device.Id);

        Assert.Equal(MqttReasonCode.NotAuthorized, await MqttLogin.TryConnectAsync(factory.MqttPort, device.Id, device.Password));
        Assert.Equal(MqttReasonCode.NotAuthorized, await MqttLogin.TryConnectAsync(factory.MqttPort, device.AccessToken, ""));
        await using var mqtt = await MqttLogin.ConnectAsync(factory.MqttPort, rotated.Username, rotated.Password);
        Assert.Equal(MqttReasonCode.Success, await mqtt.PublishAsync(device.Topic("telemetry"), """{"pm2_5": 33.5}"""));
        Assert.Equal(33.5, await MetricAsync(admin, device.Id, "pm2_5"));
    }

    [Fact]
    public async Task Over_HTTP_the_new_secret_and_token_are_accepted_and_the_old_ones_refused()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "rotate-http");

        var rotated = await RotateAsync(admin, device.Id);

        using var client = factory.CreateClient();
        using var oldBasic = await PostTelemetryAsync(client, device.Id, """{"pm2_5": 901}""", r => r.Headers.Authorization = device.Basic);
        using var oldToken = await PostTelemetryAsync(client, device.Id, """{"pm2_5": 902}""", r => r.Headers.Add("X-Device-Token", device.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, oldBasic.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);

        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rotated.Username}:{rotated.Password}")));
        using var newBasic = await PostTelemetryAsync(client, device.Id, """{"pm2_5": 21}""", r => r.Headers.Authorization = basic);
        Assert.Equal(HttpStatusCode.Accepted, newBasic.StatusCode);
        using var newToken = await PostTelemetryAsync(client, device.Id, """{"pm2_5": 22}""", r => r.Headers.Add("X-Device-Token", rotated.AccessToken));
        Assert.Equal(HttpStatusCode.Accepted, newToken.StatusCode);
        Assert.Equal(22, await MetricAsync(admin, device.Id, "pm2_5"));
    }

    [Fact]
    public async Task A_connection_opened_with_the_old_secret_can_no_longer_publish_for_the_device()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "rotate-open");
        await using var before = await MqttLogin.ConnectAsync(factory.MqttPort, device.Id, device.Password);
        Assert.Equal(MqttReasonCode.Success, await before.PublishAsync(device.Topic("telemetry"), """{"pm2_5": 10}"""));

        var rotated = await RotateAsync(admin, device.Id);

        Assert.Equal(MqttReasonCode.NotAuthorized, await before.PublishAsync(device.Topic("telemetry"), """{"pm2_5": 999}"""));
        Assert.Equal(10, await MetricAsync(admin, device.Id, "pm2_5"));
        await using var after = await MqttLogin.ConnectAsync(factory.MqttPort, rotated.Username, rotated.Password);
        Assert.Equal(MqttReasonCode.Success, await after.PublishAsync(device.Topic("telemetry"), """{"pm2_5": 11}"""));
        Assert.Equal(11, await MetricAsync(admin, device.Id, "pm2_5"));
    }

    [Fact]
    public async Task Rotating_a_device_that_was_never_provisioned_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsync("/api/v1/twins/rotate-nobody-here/credentials", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rotate-nobody-here", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_deleted_device_is_a_404_problem()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "camera", "rotate-deleted");
        using var deleted = await admin.DeleteAsync($"/api/v1/twins/{device.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var response = await admin.PostAsync($"/api/v1/twins/{device.Id}/credentials", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_admin_scope_may_not_rotate_and_the_secret_keeps_working()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "rotate-forbidden");
        var key = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("rotate-commands"), ["read:twins", "write:commands", "write:telemetry"]);
        using var client = AccessAdmin.KeyClient(factory, key);

        using var response = await client.PostAsync($"/api/v1/twins/{device.Id}/credentials", content: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MqttReasonCode.Success, await MqttLogin.TryConnectAsync(factory.MqttPort, device.Id, device.Password));
    }

    private static async Task<Credentials> RotateAsync(HttpClient admin, string id)
    {
        using var response = await admin.PostAsync($"/api/v1/twins/{id}/credentials", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Credentials(body.GetProperty("username").GetString()!, body.GetProperty("password").GetString()!, body.GetProperty("accessToken").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostTelemetryAsync(HttpClient client, string id, string body, Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/twins/{id}/telemetry") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        authenticate(request);
        return await client.SendAsync(request);
    }

    private static async Task<double?> MetricAsync(HttpClient admin, string id, string metric)
    {
        using var twin = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{id}");
        foreach (var reading in twin!.RootElement.GetProperty("metrics").EnumerateArray())
        {
            if (reading.GetProperty("metric").GetString() == metric)
            {
                return reading.GetProperty("value").GetDouble();
            }
        }

        return null;
    }

    private sealed record Credentials(string Username, string Password, string AccessToken);
}
