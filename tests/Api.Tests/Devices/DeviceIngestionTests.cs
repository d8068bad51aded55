using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>Devices that cannot speak MQTT post the same payloads over HTTP with their own credential.</summary>
public sealed class DeviceIngestionTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Telemetry_with_the_devices_Basic_credential_is_accepted_and_visible_on_the_twin()
    {
        var device = await ProvisionAsync("environment-sensor", "http-basic");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, device.Id, "telemetry", """{"values": {"pm2_5": 41.2, "temperature": 29.5}}""", request => request.Headers.Authorization = device.Basic);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, accepted.RootElement.GetProperty("points").GetInt32());
        Assert.Equal(41.2, await MetricAsync(device.Id, "pm2_5"));
        Assert.Equal(29.5, await MetricAsync(device.Id, "temperature"));
    }

    [Fact]
    public async Task Telemetry_with_the_access_token_header_is_accepted_and_visible_on_the_twin()
    {
        var device = await ProvisionAsync("environment-sensor", "http-token");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, device.Id, "telemetry", """[{"ts": 1767225600000, "values": {"noise_db": 61}}, {"noise_db": 63.5}]""", request => request.Headers.Add("X-Device-Token", device.AccessToken));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(63.5, await MetricAsync(device.Id, "noise_db"));
    }

    [Fact]
    public async Task Another_devices_credential_is_a_403_problem_and_nothing_reaches_the_twin()
    {
        var victim = await ProvisionAsync("environment-sensor", "http-victim");
        var other = await ProvisionAsync("environment-sensor", "http-other");
        using var client = factory.CreateClient();

        using var basic = await PostAsync(client, victim.Id, "telemetry", """{"pm2_5": 999}""", request => request.Headers.Authorization = other.Basic);
        using var token = await PostAsync(client, victim.Id, "telemetry", """{"pm2_5": 998}""", request => request.Headers.Add("X-Device-Token", other.AccessToken));

        await DesiredPropertiesTests.AssertProblemAsync(basic, HttpStatusCode.Forbidden, other.Id);
        await DesiredPropertiesTests.AssertProblemAsync(token, HttpStatusCode.Forbidden, other.Id);
        Assert.Null(await MetricAsync(victim.Id, "pm2_5"));
    }

    [Fact]
    public async Task Without_a_credential_it_is_a_401_problem_asking_for_Basic()
    {
        var device = await ProvisionAsync("environment-sensor", "http-none");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, device.Id, "telemetry", """{"pm2_5": 12}""", _ => { });

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Device-Token");
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("realm=\"SmartCity.Twin devices\"", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Null(await MetricAsync(device.Id, "pm2_5"));
    }

    [Theory]
    [InlineData("basic-wrong-secret")]
    [InlineData("basic-not-base64")]
    [InlineData("basic-no-colon")]
    [InlineData("token-wrong-secret")]
    [InlineData("token-no-dot")]
    [InlineData("unknown-device")]
    public async Task A_wrong_or_malformed_credential_is_a_401_problem(string credential)
    {
        var device = await ProvisionAsync("environment-sensor", "http-wrong");
        using var client = factory.CreateClient();
        Action<HttpRequestMessage> authenticate = credential switch
        {
            "basic-wrong-secret" => r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Base64($"{device.Id}:{device.Password}x")),
            "basic-not-base64" => r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", "%%%not-base64%%%"),
            "basic-no-colon" => r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Base64(device.Id)),
            "token-wrong-secret" => r => r.Headers.Add("X-Device-Token", device.AccessToken + "x"),
            "token-no-dot" => r => r.Headers.Add("X-Device-Token", "nodot"),
            _ => r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Base64($"never-provisioned-device:{device.Password}")),
        };

        using var response = await PostAsync(client, device.Id, "telemetry", """{"pm2_5": 12}""", authenticate);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Null(await MetricAsync(device.Id, "pm2_5"));
    }

    [Theory]
    [InlineData("""{"pm2_5": 41.2""", "not valid JSON")]
    [InlineData("""{"pm2_5": "high"}""", "'pm2_5'")]
    [InlineData("""{"humidity": 140}""", "humidity")]
    [InlineData("[]", "no values")]
    public async Task Malformed_or_impossible_telemetry_is_a_400_problem(string body, string detailContains)
    {
        var device = await ProvisionAsync("environment-sensor", "http-bad");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, device.Id, "telemetry", body, request => request.Headers.Authorization = device.Basic);

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, detailContains);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_a_413_problem()
    {
        var device = await ProvisionAsync("environment-sensor", "http-huge");
        using var client = factory.CreateClient();
        var huge = "[" + string.Join(",", Enumerable.Repeat("""{"pm2_5": 41.2, "pm10": 60.1, "temperature": 29.5}""", 6000)) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 256 * 1024);

        using var response = await PostAsync(client, device.Id, "telemetry", huge, request => request.Headers.Authorization = device.Basic);

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "256 KiB");
        Assert.Null(await MetricAsync(device.Id, "pm2_5"));
    }

    [Fact]
    public async Task Reported_properties_over_http_reach_the_twin()
    {
        var device = await ProvisionAsync("environment-sensor", "http-state");
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, device.Id, "state", """{"firmware": "2.4.1", "interval_s": 60}""", request => request.Headers.Authorization = device.Basic);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var admin = factory.CreateAdminClient();
        using var twin = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{device.Id}");
        Assert.Equal("2.4.1", twin!.RootElement.GetProperty("reported").GetProperty("firmware").GetString());
        Assert.Equal("60", twin.RootElement.GetProperty("reported").GetProperty("interval_s").GetString());

        using var nested = await PostAsync(client, device.Id, "state", """{"config": {"a": 1}}""", request => request.Headers.Authorization = device.Basic);
        await DesiredPropertiesTests.AssertProblemAsync(nested, HttpStatusCode.BadRequest, "'config'");
    }

    [Fact]
    public async Task Events_over_http_reach_the_twin_and_an_event_the_kind_does_not_have_is_a_400_problem()
    {
        var panel = await ProvisionAsync("fire-alarm", "http-panel");
        using var client = factory.CreateClient();
        using var admin = factory.CreateAdminClient();
        using (var before = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{panel.Id}"))
        {
            Assert.Equal(JsonValueKind.Null, before!.RootElement.GetProperty("lastSeen").ValueKind);
        }

        using var response = await PostAsync(client, panel.Id, "events", """{"type": "alarm"}""", request => request.Headers.Add("X-Device-Token", panel.AccessToken));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using (var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("alarm", accepted.RootElement.GetProperty("type").GetString());
        }

        using (var after = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{panel.Id}"))
        {
            Assert.NotEqual(JsonValueKind.Null, after!.RootElement.GetProperty("lastSeen").ValueKind);
        }

        using var intrusion = await PostAsync(client, panel.Id, "events", """{"type": "intrusion"}""", request => request.Headers.Add("X-Device-Token", panel.AccessToken));
        await DesiredPropertiesTests.AssertProblemAsync(intrusion, HttpStatusCode.BadRequest, "intrusion");

        using var malformed = await PostAsync(client, panel.Id, "events", """{"type": """, request => request.Headers.Add("X-Device-Token", panel.AccessToken));
        await DesiredPropertiesTests.AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task Operators_backfill_with_the_admin_key_but_only_into_twins_that_exist()
    {
        var device = await ProvisionAsync("environment-sensor", "http-admin");
        using var admin = factory.CreateAdminClient();

        using var response = await PostAsync(admin, device.Id, "telemetry", """{"pm10": 77}""", _ => { });
        using var unknown = await PostAsync(admin, "http-admin-never-provisioned", "telemetry", """{"pm10": 77}""", _ => { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(77, await MetricAsync(device.Id, "pm10"));
        await DesiredPropertiesTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "http-admin-never-provisioned");
    }

    private async Task<ProvisionedDevice> ProvisionAsync(string kind, string prefix)
    {
        using var admin = factory.CreateAdminClient();
        return await ProvisionedDevice.CreateAsync(admin, kind, prefix);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string channel, string body, Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/twins/{id}/{channel}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        authenticate(request);
        return await client.SendAsync(request);
    }

    private async Task<double?> MetricAsync(string id, string metric)
    {
        using var admin = factory.CreateAdminClient();
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

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
