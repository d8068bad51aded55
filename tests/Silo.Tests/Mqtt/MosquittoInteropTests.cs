using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>The silo's MQTT endpoint driven by Eclipse Mosquitto's own command-line clients.</summary>
public sealed class MosquittoInteropTests(MqttSiloFixture silo) : IClassFixture<MqttSiloFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(MosquittoClients.MqttV311, 0)]
    [InlineData(MosquittoClients.MqttV311, 1)]
    [InlineData(MosquittoClients.MqttV311, 2)]
    [InlineData(MosquittoClients.MqttV5, 0)]
    [InlineData(MosquittoClients.MqttV5, 1)]
    [InlineData(MosquittoClients.MqttV5, 2)]
    public async Task Mosquitto_pub_telemetry_with_device_credentials_reaches_the_twin(string protocolVersion, int qos)
    {
        var device = await silo.ProvisionAsync("mq-pub");
        var value = 40.5 + qos + (protocolVersion == MosquittoClients.MqttV5 ? 10 : 0);

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, protocolVersion, device.Username, device.Password, device.Topic("telemetry"),
            $$$"""{"values": {"pm2_5": {{{value.ToString(CultureInfo.InvariantCulture)}}}}}""", qos);

        Assert.True(result.ExitCode == 0, $"mosquitto_pub failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == value, Soon, $"pm2_5 = {value}");
    }

    [Theory]
    [InlineData("wrapped", """{"values": {"pm2_5": 23.5}}""")]
    [InlineData("wrapped with unix ms", """{"ts": NOW_MS, "values": {"pm2_5": 23.5}}""")]
    [InlineData("wrapped with ISO 8601", """{"ts": "NOW_ISO", "values": {"pm2_5": 23.5}}""")]
    [InlineData("flat", """{"pm2_5": 23.5}""")]
    [InlineData("array", """[{"ts": NOW_MS, "values": {"pm2_5": 23.5}}, {"pm2_5": 23.5}]""")]
    public async Task Mosquitto_pub_telemetry_in_every_specified_payload_form_reaches_the_twin(string form, string payload)
    {
        var device = await silo.ProvisionAsync("mq-form");
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        payload = payload
            .Replace("NOW_MS", now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("NOW_ISO", now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, MosquittoClients.MqttV5, device.Username, device.Password, device.Topic("telemetry"), payload);

        Assert.True(result.ExitCode == 0, $"mosquitto_pub ({form}) failed: {result}");
        Assert.DoesNotContain("failed", result.StandardError, StringComparison.OrdinalIgnoreCase);
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 23.5, Soon, $"pm2_5 = 23.5 from the {form} form");
    }

    [Fact]
    public async Task Operator_subscribed_to_city_wildcard_sees_a_devices_retained_online_status()
    {
        var device = await silo.ProvisionAsync("mq-status");
        var published = await MosquittoClients.PublishAsync(
            silo.MqttPort, MosquittoClients.MqttV311, device.Username, device.Password, device.Topic("status"), "online", qos: 1, retain: true);
        Assert.True(published.ExitCode == 0, $"mosquitto_pub of the retained status failed: {published}");

        // The status was published before the operator subscribed: only the retained copy can deliver it.
        var line = await MosquittoClients.SubscribeUntilAsync(
            silo.MqttPort, MosquittoClients.MqttV5, MqttSiloFixture.Operator.Username, MqttSiloFixture.AdminKey,
            "city/#", $"{device.Topic("status")} online", Soon);

        Assert.Equal($"{device.Topic("status")} online", line);
    }

    [Fact]
    public async Task Device_state_message_becomes_the_twins_reported_properties()
    {
        var device = await silo.ProvisionAsync("mq-state");

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, MosquittoClients.MqttV311, device.Username, device.Password, device.Topic("state"),
            """{"firmware": "2.4.1", "fan_speed": 3}""");

        Assert.True(result.ExitCode == 0, $"mosquitto_pub failed: {result}");
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Reported(twin, "firmware") == "2.4.1", Soon, "reported firmware 2.4.1");
    }

    [Theory]
    [InlineData(MosquittoClients.MqttV311, "wrong secret")]
    [InlineData(MosquittoClients.MqttV5, "wrong secret")]
    [InlineData(MosquittoClients.MqttV311, "unknown device")]
    [InlineData(MosquittoClients.MqttV5, "unknown device")]
    public async Task Refused_credentials_make_mosquitto_pub_fail_saying_not_authorised(string protocolVersion, string identity)
    {
        var device = await silo.ProvisionAsync("mq-refused");
        var username = identity == "unknown device" ? $"no-such-device-{Guid.NewGuid():N}"[..23] : device.Username;
        var password = identity == "unknown device" ? device.Password : device.Password + "-wrong";

        var result = await MosquittoClients.PublishAsync(
            silo.MqttPort, protocolVersion, username, password, device.Topic("telemetry"), """{"pm2_5": 99}""");

        // mosquitto 2.0 prints "Connection Refused: not authorised." (3.1.1) or "Not authorized" (v5); the exact
        // CONNACK codes are checked with mqtt.js (MqttJsInteropTests).
        Assert.True(result.ExitCode != 0, $"mosquitto_pub should fail: {result}");
        Assert.Contains("authori", result.StandardError, StringComparison.OrdinalIgnoreCase);
        var twin = await silo.GetTwinAsync(device.Id);
        Assert.Null(MqttSiloFixture.Metric(twin, "pm2_5"));
    }

    [Fact]
    public async Task Command_that_a_mosquitto_sub_device_receives_but_never_answers_returns_504_problem()
    {
        var device = await silo.ProvisionAsync("mq-silent");
        await using var subscriber = await MosquittoClients.StartSubscriberAsync(
            silo.MqttPort, MosquittoClients.MqttV311, device.Username, device.Password, device.Topic("cmd/#"));

        var (status, mediaType, body) = await silo.SendCommandAsync(device.Id, "ping", new { attempt = 1 }, timeoutSeconds: 1);

        Assert.True(status == HttpStatusCode.GatewayTimeout, $"expected 504, got {(int)status} {body}\n{silo.SiloOutputTail()}");
        Assert.Equal("application/problem+json", mediaType);
        var line = await subscriber.WaitForLineAsync(l => l.StartsWith(device.Topic("cmd/ping") + " ", StringComparison.Ordinal), Soon);
        var payload = JsonDocument.Parse(line[(device.Topic("cmd/ping").Length + 1)..]).RootElement;
        Assert.Equal(1, payload.GetProperty("attempt").GetInt32());
    }
}
