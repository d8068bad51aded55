using System.Net;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>Commands through the API to a real MQTT device: its reply, or a problem saying why there is none.</summary>
public sealed class DeviceCommandsTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_subscribed_device_gets_the_command_and_its_reply_is_the_response()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "intersection", "cmd-reply");
        await using var mqtt = await MqttDevice.ConnectAsync(factory.MqttPort, device);
        await mqtt.SubscribeAsync(device.Topic("cmd/+"));

        var sending = SendAsync(admin, device.Id, """{"name": "set-plan", "payload": {"plan": "rush-hour"}, "timeoutSeconds": 10}""");
        var (command, _) = await mqtt.NextAsync(device.Topic("cmd/set-plan"));
        using (var received = JsonDocument.Parse(command))
        {
            Assert.Equal("rush-hour", received.RootElement.GetProperty("plan").GetString());
        }

        await mqtt.PublishAsync(device.Topic("reply/set-plan"), """{"applied": "rush-hour"}""");
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"applied": "rush-hour"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_device_that_never_replies_is_a_504_problem()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "camera", "cmd-silent");
        await using var mqtt = await MqttDevice.ConnectAsync(factory.MqttPort, device);
        await mqtt.SubscribeAsync(device.Topic("cmd/+"));

        using var response = await SendAsync(admin, device.Id, """{"name": "reboot", "timeoutSeconds": 0.5}""");

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.GatewayTimeout, "did not reply");
        var (command, _) = await mqtt.NextAsync(device.Topic("cmd/reboot"));
        Assert.Equal("{}", command);
    }

    [Fact]
    public async Task A_device_not_listening_is_a_409_problem()
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "camera", "cmd-offline");

        using var response = await SendAsync(admin, device.Id, """{"name": "reboot"}""");

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.Conflict, "not sent");
    }

    [Theory]
    [InlineData("""{"name": "reboot", """, "reboot")]
    [InlineData("""{"payload": {}}""", "\"name\"")]
    [InlineData("""{"name": "a/b"}""", "\"name\"")]
    [InlineData("""{"name": "re\u0000boot"}""", "\"name\"")]
    [InlineData("""{"name": "desired"}""", "/desired")]
    [InlineData("""{"name": "reboot", "timeoutSeconds": 0}""", "timeoutSeconds")]
    [InlineData("""{"name": "reboot", "timeoutSeconds": 301}""", "timeoutSeconds")]
    [InlineData("""{"name": "reboot", "timeoutSeconds": "soon"}""", "reboot")]
    [InlineData("[]", "reboot")]
    public async Task Bad_commands_are_400_problems(string body, string detailContains)
    {
        using var admin = factory.CreateAdminClient();
        var device = await ProvisionedDevice.CreateAsync(admin, "camera", "cmd-bad");

        using var response = await SendAsync(admin, device.Id, body);

        await DesiredPropertiesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, detailContains);
    }

    [Fact]
    public async Task A_command_to_an_unknown_twin_is_a_404_problem_and_without_credentials_a_401()
    {
        using var admin = factory.CreateAdminClient();
        using var anonymous = factory.CreateClient();

        using var unknown = await SendAsync(admin, "cmd-never-provisioned", """{"name": "reboot"}""");
        using var unauthenticated = await SendAsync(anonymous, "cmd-never-provisioned", """{"name": "reboot"}""");

        await DesiredPropertiesTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "cmd-never-provisioned");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string id, string json) =>
        client.PostAsync($"/api/v1/twins/{id}/commands", new StringContent(json, Encoding.UTF8, "application/json"));
}
