using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>Desired properties set through the API reach the device over MQTT, retained, and are in sync once the device reports them back.</summary>
public sealed class DesiredPropertiesTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_device_connecting_after_the_update_gets_it_retained_and_reporting_it_back_puts_the_twin_in_sync()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-late");

        using var put = await PutDesiredAsync(admin, device.Id, """{"interval_s": "60", "mode": "eco"}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var updated = await ReadJsonAsync(put))
        {
            var root = updated.RootElement;
            Assert.Equal(1, root.GetProperty("version").GetInt64());
            Assert.Equal("60", root.GetProperty("desired").GetProperty("interval_s").GetString());
            Assert.True(root.GetProperty("delivery").GetProperty("published").GetBoolean());
            Assert.Equal(0, root.GetProperty("delivery").GetProperty("subscribers").GetInt32());
            Assert.Equal(["interval_s", "mode"], Strings(root.GetProperty("pending")));
        }

        await using var mqtt = await MqttDevice.ConnectAsync(factory.MqttPort, device);
        await mqtt.SubscribeAsync(device.Topic("cmd/desired"));
        var (payload, retain) = await mqtt.NextAsync(device.Topic("cmd/desired"));
        Assert.True(retain, "a message waiting for a device that subscribes later is delivered as retained");
        using (var message = JsonDocument.Parse(payload))
        {
            Assert.Equal(1, message.RootElement.GetProperty("version").GetInt64());
            Assert.Equal("eco", message.RootElement.GetProperty("desired").GetProperty("mode").GetString());
        }

        using (var before = await GetDesiredAsync(admin, device.Id))
        {
            Assert.False(before.RootElement.GetProperty("inSync").GetBoolean());
        }

        await mqtt.PublishAsync(device.Topic("state"), """{"interval_s": 60, "mode": "eco", "firmware": "2.4.1"}""");

        using var after = await WaitForInSyncAsync(admin, device.Id);
        Assert.True(after.RootElement.GetProperty("inSync").GetBoolean());
        Assert.Empty(Strings(after.RootElement.GetProperty("pending")));
        Assert.Equal("2.4.1", after.RootElement.GetProperty("reported").GetProperty("firmware").GetString());
        Assert.Equal(1, after.RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_subscribed_device_gets_each_update_live_with_the_whole_set_and_a_newer_version()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "camera", "desired-live");
        await using var mqtt = await MqttDevice.ConnectAsync(factory.MqttPort, device);
        await mqtt.SubscribeAsync(device.Topic("cmd/+"));

        using (var first = await PutDesiredAsync(admin, device.Id, """{"resolution": "1080p", "ir": "auto"}"""))
        {
            using var body = await ReadJsonAsync(first);
            Assert.Equal(1, body.RootElement.GetProperty("delivery").GetProperty("subscribers").GetInt32());
        }

        var (v1, _) = await mqtt.NextAsync(device.Topic("cmd/desired"));
        Assert.Equal("""{"desired":{"ir":"auto","resolution":"1080p"},"version":1}""", Normalize(v1));

        using (var second = await PutDesiredAsync(admin, device.Id, """{"ir": null, "fps": "25"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var (v2, retained) = await mqtt.NextAsync(device.Topic("cmd/desired"));
        Assert.False(retained, "a live delivery to an existing subscription is not flagged retained");
        using var message = JsonDocument.Parse(v2);
        Assert.Equal(2, message.RootElement.GetProperty("version").GetInt64());
        var desired = message.RootElement.GetProperty("desired");
        Assert.Equal("1080p", desired.GetProperty("resolution").GetString());
        Assert.Equal("25", desired.GetProperty("fps").GetString());
        Assert.False(desired.TryGetProperty("ir", out _), "a key set to null is removed");
    }

    [Fact]
    public async Task A_ThingsBoard_device_gets_desired_properties_on_its_attributes_topic_and_its_attributes_put_the_twin_in_sync()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-tb");
        using (var put = await PutDesiredAsync(admin, device.Id, """{"sampling_seconds": "30", "led": "on"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await using var mqtt = await MqttDevice.ConnectAsync(factory.MqttPort, device, accessTokenOnly: true);
        await mqtt.SubscribeAsync("v1/devices/me/attributes");
        var (attributes, retain) = await mqtt.NextAsync("v1/devices/me/attributes");
        Assert.True(retain);
        Assert.Equal("""{"led":"on","sampling_seconds":"30"}""", Normalize(attributes));

        using (var put = await PutDesiredAsync(admin, device.Id, """{"led": null}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (deleted, _) = await mqtt.NextAsync("v1/devices/me/attributes");
        Assert.Equal("""{"deleted":["led"]}""", Normalize(deleted));
        var (remaining, _) = await mqtt.NextAsync("v1/devices/me/attributes");
        Assert.Equal("""{"sampling_seconds":"30"}""", Normalize(remaining));

        await mqtt.PublishAsync("v1/devices/me/attributes", """{"sampling_seconds": 30}""");

        using var state = await WaitForInSyncAsync(admin, device.Id);
        Assert.True(state.RootElement.GetProperty("inSync").GetBoolean());
        Assert.Equal(2, state.RootElement.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("\"eco\"", "JSON object")]
    [InlineData("""{"interval_s": 60}""", "'interval_s'")]
    [InlineData("""{"nested": {"a": "b"}}""", "'nested'")]
    [InlineData("""{"on": true}""", "'on'")]
    [InlineData("""{"": "empty name"}""", "1–64")]
    [InlineData("""{"mode": "eco",""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public async Task Bad_input_is_a_400_problem_naming_what_is_wrong(string body, string detailContains)
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-bad");

        using var response = await PutDesiredAsync(admin, device.Id, body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detailContains);
    }

    [Fact]
    public async Task Too_long_keys_values_and_too_many_keys_are_400_problems()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-big");

        using var longKey = await PutDesiredAsync(admin, device.Id, JsonSerializer.Serialize(new Dictionary<string, string> { [new string('k', 65)] = "v" }));
        await AssertProblemAsync(longKey, HttpStatusCode.BadRequest, "1–64");

        using var longValue = await PutDesiredAsync(admin, device.Id, JsonSerializer.Serialize(new Dictionary<string, string> { ["k"] = new string('v', 1025) }));
        await AssertProblemAsync(longValue, HttpStatusCode.BadRequest, "1024");

        var many = Enumerable.Range(0, 129).ToDictionary(i => $"key{i}", i => "v");
        using var tooMany = await PutDesiredAsync(admin, device.Id, JsonSerializer.Serialize(many));
        await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest, "128");

        // 100 now and 100 more later would exceed what one twin holds.
        using var first = await PutDesiredAsync(admin, device.Id, JsonSerializer.Serialize(Enumerable.Range(0, 100).ToDictionary(i => $"a{i}", i => "v")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await PutDesiredAsync(admin, device.Id, JsonSerializer.Serialize(Enumerable.Range(0, 100).ToDictionary(i => $"b{i}", i => "v")));
        await AssertProblemAsync(second, HttpStatusCode.BadRequest, "at most 128");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-huge");

        using var response = await PutDesiredAsync(admin, device.Id, $$"""{"blob": "{{new string('x', 70 * 1024)}}"}""");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "KiB");
    }

    [Fact]
    public async Task An_unknown_twin_is_a_404_problem_for_reading_and_setting()
    {
        using var admin = factory.CreateAdminClient();

        using var put = await PutDesiredAsync(admin, "no-such-device-desired", """{"mode": "eco"}""");
        await AssertProblemAsync(put, HttpStatusCode.NotFound, "no-such-device-desired");

        using var get = await admin.GetAsync("/api/v1/twins/no-such-device-desired/desired");
        await AssertProblemAsync(get, HttpStatusCode.NotFound, "no-such-device-desired");
    }

    [Fact]
    public async Task Without_credentials_desired_properties_are_neither_read_nor_set()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "desired-anon");
        using var anonymous = factory.CreateClient();

        using var put = await PutDesiredAsync(anonymous, device.Id, """{"mode": "eco"}""");
        using var get = await anonymous.GetAsync($"/api/v1/twins/{device.Id}/desired");

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        using var state = await GetDesiredAsync(admin, device.Id);
        Assert.Equal(0, state.RootElement.GetProperty("version").GetInt64());
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PutDesiredAsync(HttpClient client, string id, string json) =>
        client.PutAsync($"/api/v1/twins/{id}/desired", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonDocument> GetDesiredAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{id}/desired"))!;

    /// <summary>
    /// The state once in sync, or as it is when patience runs out. The twin has a QoS 1 report before its PUBACK, so
    /// this seldom waits; polling keeps the test about the outcome rather than about that ordering.
    /// </summary>
    private static async Task<JsonDocument> WaitForInSyncAsync(HttpClient admin, string id)
    {
        var deadline = DateTime.UtcNow + MqttDevice.Patience;
        while (true)
        {
            var state = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{id}/desired");
            if (state!.RootElement.GetProperty("inSync").GetBoolean() || DateTime.UtcNow > deadline)
            {
                return state;
            }

            state.Dispose();
            await Task.Delay(50);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The JSON with object keys in ordinal order, so comparisons do not depend on dictionary order.</summary>
    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(Canonical(document.RootElement));
    }

    private static object? Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new SortedDictionary<string, object?>(
            element.EnumerateObject().ToDictionary(p => p.Name, p => Canonical(p.Value)), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Canonical).ToArray(),
        _ => element.Clone(),
    };
}
