using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Api.Tests.Security;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Api.Tests.Devices;

/// <summary>
/// Gateways and simulators with a <c>write:telemetry</c> key, over the silo's real MQTT endpoint and HTTP ingestion:
/// one connection speaking for many registered devices.
/// </summary>
public sealed class GatewayKeyTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task A_gateway_publishes_for_two_registered_devices_and_both_twins_have_the_readings()
    {
        using var admin = factory.CreateAdminClient();
        var sensor = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-aq");
        var intersection = await ProvisionedDevice.CreateAsync(admin, "intersection", "gw-ix");
        var key = await GatewayKeyAsync();
        await using var gateway = await MqttLogin.ConnectAsync(factory.MqttPort, "sim-gateway", key);

        Assert.Equal(MqttReasonCode.Success, await gateway.PublishAsync(sensor.Topic("telemetry"), """{"values": {"pm2_5": 58.5}}"""));
        Assert.Equal(MqttReasonCode.Success, await gateway.PublishAsync(intersection.Topic("telemetry"), """{"queue_length": 14}"""));

        Assert.Equal(58.5, await MetricAsync(admin, sensor.Id, "pm2_5"));
        Assert.Equal(14, await MetricAsync(admin, intersection.Id, "queue_length"));
        Assert.Equal("Online", await LivenessAsync(admin, sensor.Id));
    }

    [Fact]
    public async Task An_unregistered_device_id_or_the_wrong_kind_is_refused_with_0x87_and_reaches_no_twin()
    {
        using var admin = factory.CreateAdminClient();
        var camera = await ProvisionedDevice.CreateAsync(admin, "camera", "gw-cam");
        var key = await GatewayKeyAsync();
        await using var gateway = await MqttLogin.ConnectAsync(factory.MqttPort, "sim-gateway", key);

        var unknown = await gateway.PublishAsync("city/v1/environment-sensor/gw-nobody-registered/telemetry", """{"pm2_5": 12}""");
        var wrongKind = await gateway.PublishAsync($"city/v1/environment-sensor/{camera.Id}/telemetry", """{"pm2_5": 12}""");

        Assert.Equal(MqttReasonCode.NotAuthorized, unknown);
        Assert.Equal(MqttReasonCode.NotAuthorized, wrongKind);
        using var missing = await admin.GetAsync("/api/v1/twins/gw-nobody-registered");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(await MetricAsync(admin, camera.Id, "pm2_5"));
    }

    [Fact]
    public async Task Over_MQTT_3_1_1_a_refused_message_is_dropped_and_the_connection_carries_on()
    {
        using var admin = factory.CreateAdminClient();
        var sensor = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-v311");
        var key = await GatewayKeyAsync();
        await using var gateway = await MqttLogin.ConnectAsync(factory.MqttPort, "sim-gateway", key, MqttProtocolVersion.V311);

        await gateway.PublishAsync("city/v1/environment-sensor/gw-v311-nobody/telemetry", """{"pm2_5": 12}""");
        Assert.Equal(MqttReasonCode.Success, await gateway.PublishAsync(sensor.Topic("telemetry"), """{"pm2_5": 31}"""));

        Assert.Equal(31, await MetricAsync(admin, sensor.Id, "pm2_5"));
        using var missing = await admin.GetAsync("/api/v1/twins/gw-v311-nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_key_without_write_telemetry_watches_read_only_and_a_key_that_cannot_read_twins_is_refused()
    {
        using var admin = factory.CreateAdminClient();
        var sensor = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-reader");
        var reader = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("mqtt-reader"), ["read:twins"]);
        var alertsOnly = await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("mqtt-alerts"), ["read:alerts", "write:commands"]);

        await using var watcher = await MqttLogin.ConnectAsync(factory.MqttPort, "dashboard", reader);

        Assert.True((byte)await watcher.SubscribeAsync("city/#", MqttQualityOfService.AtLeastOnce) < 0x80);
        Assert.Equal(MqttReasonCode.NotAuthorized, await watcher.PublishAsync(sensor.Topic("telemetry"), """{"pm2_5": 12}"""));
        Assert.Null(await MetricAsync(admin, sensor.Id, "pm2_5"));
        Assert.Equal(MqttReasonCode.NotAuthorized, await MqttLogin.TryConnectAsync(factory.MqttPort, "lgsp", alertsOnly));
    }

    [Fact]
    public async Task A_gateway_may_not_subscribe_nor_leave_a_Will()
    {
        using var admin = factory.CreateAdminClient();
        var sensor = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-will");
        var key = await GatewayKeyAsync();

        await using var gateway = await MqttLogin.ConnectAsync(factory.MqttPort, "sim-gateway", key);
        var subscription = await gateway.SubscribeAsync("city/#", MqttQualityOfService.AtLeastOnce);
        var will = await Assert.ThrowsAsync<MqttConnectException>(() => MqttLogin.ConnectAsync(
            factory.MqttPort, "sim-gateway", key, will: new MqttClientWill(sensor.Topic("status"), Encoding.UTF8.GetBytes("offline"))));

        Assert.Equal(MqttReasonCode.NotAuthorized, subscription);
        Assert.Equal(MqttReasonCode.NotAuthorized, will.ReasonCode);
    }

    [Fact]
    public async Task When_a_gateway_connection_drops_its_devices_go_offline_unless_connected_on_their_own()
    {
        using var admin = factory.CreateAdminClient();
        var relayed = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-drop");
        var standalone = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-own");
        var key = await GatewayKeyAsync();
        var gateway = await MqttLogin.ConnectAsync(factory.MqttPort, "sim-gateway", key);
        Assert.Equal(MqttReasonCode.Success, await gateway.PublishAsync(relayed.Topic("telemetry"), """{"pm2_5": 20}"""));
        Assert.Equal(MqttReasonCode.Success, await gateway.PublishAsync(standalone.Topic("telemetry"), """{"pm2_5": 21}"""));
        await using var own = await MqttLogin.ConnectAsync(factory.MqttPort, standalone.Username, standalone.Password);

        gateway.Abort();
        await gateway.DisposeAsync();

        await WaitForLivenessAsync(admin, relayed.Id, "Offline");
        Assert.Equal("Online", await LivenessAsync(admin, standalone.Id));
    }

    [Fact]
    public async Task A_revoked_key_no_longer_connects()
    {
        var name = AccessAdmin.UniqueName("gw-revoked");
        var key = await AccessAdmin.CreateKeyAsync(factory, name, ["write:telemetry"]);
        Assert.Equal(MqttReasonCode.Success, await MqttLogin.TryConnectAsync(factory.MqttPort, "sim-gateway", key));
        using var admin = factory.CreateAdminClient();

        using var revoked = await admin.DeleteAsync($"/api/v1/auth/keys/{name}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(MqttReasonCode.NotAuthorized, await MqttLogin.TryConnectAsync(factory.MqttPort, "sim-gateway", key));
    }

    [Fact]
    public async Task Over_HTTP_a_write_telemetry_key_posts_for_an_existing_twin_and_a_read_key_is_forbidden()
    {
        using var admin = factory.CreateAdminClient();
        var sensor = await ProvisionedDevice.CreateAsync(admin, "environment-sensor", "gw-http");
        using var gateway = AccessAdmin.KeyClient(factory, await GatewayKeyAsync());
        using var reader = AccessAdmin.KeyClient(factory, await AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("http-reader"), ["read:twins"]));

        using var accepted = await gateway.PostAsync($"/api/v1/twins/{sensor.Id}/telemetry", Json("""{"pm2_5": 44}"""));
        using var unknown = await gateway.PostAsync("/api/v1/twins/gw-http-nobody/telemetry", Json("""{"pm2_5": 44}"""));
        using var forbidden = await reader.PostAsync($"/api/v1/twins/{sensor.Id}/telemetry", Json("""{"pm2_5": 99}"""));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(44, await MetricAsync(admin, sensor.Id, "pm2_5"));
    }

    private Task<string> GatewayKeyAsync() => AccessAdmin.CreateKeyAsync(factory, AccessAdmin.UniqueName("gateway"), ["write:telemetry"]);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

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

    private static async Task<string?> LivenessAsync(HttpClient admin, string id)
    {
        using var twin = await admin.GetFromJsonAsync<JsonDocument>($"/api/v1/twins/{id}");
        return twin!.RootElement.GetProperty("liveness").GetString();
    }

    /// <summary>The broker notices the drop and the offline reports go out without anyone waiting: poll with patience.</summary>
    private static async Task WaitForLivenessAsync(HttpClient admin, string id, string expected)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await LivenessAsync(admin, id) != expected)
        {
            await Task.Delay(50, patience.Token);
        }
    }
}
