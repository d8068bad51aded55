using System.Net;
using System.Text.Json;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>The silo's MQTT endpoint driven by mqtt.js devices, which report MQTT 5 reason codes.</summary>
public sealed class MqttJsInteropTests(MqttSiloFixture silo) : IClassFixture<MqttSiloFixture>
{
    private const int Success = 0x00;
    private const int NoMatchingSubscribers = 0x10;
    private const int NotAuthorized = 0x87;
    private const int PayloadFormatInvalid = 0x99;
    private const int V311SubscribeFailure = 0x80;

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(4, "wrong secret", 5)]
    [InlineData(5, "wrong secret", NotAuthorized)]
    [InlineData(4, "unknown device", 5)]
    [InlineData(5, "unknown device", NotAuthorized)]
    public async Task Refused_connect_gets_connack_5_in_v311_and_0x87_in_v5(int protocolVersion, string identity, int expected)
    {
        var device = await silo.ProvisionAsync("js-refused");
        var presented = identity == "unknown device"
            ? device with { Username = $"no-such-device-{Guid.NewGuid():N}"[..23] }
            : device.WithPassword(device.Password + "-wrong");

        var connect = await MqttJsDevice.ConnectAsync(silo.MqttPort, presented, protocolVersion);

        Assert.True(
            connect.GetProperty("reasonCode").ValueKind == JsonValueKind.Number && connect.GetProperty("reasonCode").GetInt32() == expected,
            $"expected CONNACK {expected}: {connect}");
    }

    [Fact]
    public async Task V5_device_publishing_to_another_devices_topic_gets_puback_0x87_and_subscribing_to_its_commands_gets_0x87()
    {
        var device = await silo.ProvisionAsync("js-own");
        var other = await silo.ProvisionAsync("js-other");

        var lines = await MqttJsDevice.RunStepsAsync(silo.MqttPort, device, 5,
            MqttJsDevice.Publish(other.Topic("telemetry"), """{"pm2_5": 66.6}"""),
            MqttJsDevice.Subscribe(other.Topic("cmd/#")),
            MqttJsDevice.Publish(device.Topic("telemetry"), """{"pm2_5": 12.5}"""),
            MqttJsDevice.Subscribe(device.Topic("cmd/#")));

        Assert.Equal(NotAuthorized, ReasonCode(lines[1]));
        Assert.Contains(SubscribeReasonCode(lines[2]), new[] { NotAuthorized, V311SubscribeFailure });
        Assert.Contains(ReasonCode(lines[3]), new[] { Success, NoMatchingSubscribers });
        Assert.Equal(1, SubscribeReasonCode(lines[4]));

        // The own telemetry went through after the foreign one; the other twin must still have nothing.
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 12.5, Soon, "pm2_5 = 12.5");
        Assert.Null(MqttSiloFixture.Metric(await silo.GetTwinAsync(other.Id), "pm2_5"));
    }

    [Fact]
    public async Task Refused_publishes_and_subscriptions_are_counted_for_operators_even_when_3_1_1_cannot_say_so()
    {
        var device = await silo.ProvisionAsync("js-counted");
        var other = await silo.ProvisionAsync("js-counted-other");
        var before = (await silo.GetMqttStatusAsync()).GetProperty("counters");

        await MqttJsDevice.RunStepsAsync(silo.MqttPort, device, 4,
            MqttJsDevice.Subscribe(other.Topic("cmd/#")),
            MqttJsDevice.Publish(other.Topic("telemetry"), """{"pm2_5": 1}"""),
            MqttJsDevice.Publish(device.Topic("telemetry"), """{"pm2_5": -1}"""));

        var after = (await silo.GetMqttStatusAsync()).GetProperty("counters");
        Assert.Equal(before.GetProperty("subscriptionsRefused").GetInt64() + 1, after.GetProperty("subscriptionsRefused").GetInt64());
        Assert.Equal(before.GetProperty("publishesRefused").GetInt64() + 2, after.GetProperty("publishesRefused").GetInt64());
    }

    [Fact]
    public async Task V311_device_subscribing_to_another_devices_commands_gets_suback_0x80_and_its_foreign_publish_is_dropped()
    {
        var device = await silo.ProvisionAsync("js-own311");
        var other = await silo.ProvisionAsync("js-other311");

        var lines = await MqttJsDevice.RunStepsAsync(silo.MqttPort, device, 4,
            MqttJsDevice.Subscribe(other.Topic("cmd/#")),
            MqttJsDevice.Publish(other.Topic("telemetry"), """{"pm2_5": 66.6}"""),
            MqttJsDevice.Publish(device.Topic("telemetry"), """{"pm2_5": 13.5}"""));

        Assert.Equal(V311SubscribeFailure, SubscribeReasonCode(lines[1]));
        await silo.WaitForTwinAsync(device.Id, twin => MqttSiloFixture.Metric(twin, "pm2_5") == 13.5, Soon, "pm2_5 = 13.5");
        Assert.Null(MqttSiloFixture.Metric(await silo.GetTwinAsync(other.Id), "pm2_5"));
    }

    [Fact]
    public async Task Operator_may_subscribe_to_city_wildcard_but_gets_puback_0x87_when_publishing()
    {
        var device = await silo.ProvisionAsync("js-op");

        var lines = await MqttJsDevice.RunStepsAsync(silo.MqttPort, MqttSiloFixture.Operator, 5,
            MqttJsDevice.Subscribe("city/#"),
            MqttJsDevice.Publish(device.Topic("telemetry"), """{"pm2_5": 77.7}"""));

        Assert.InRange(SubscribeReasonCode(lines[1]), 0, 2);
        Assert.Equal(NotAuthorized, ReasonCode(lines[2]));
        Assert.Null(MqttSiloFixture.Metric(await silo.GetTwinAsync(device.Id), "pm2_5"));
    }

    [Fact]
    public async Task V5_bad_payloads_get_puback_0x99_and_leave_the_twins_last_value_unchanged()
    {
        var device = await silo.ProvisionAsync("js-bad");
        var telemetry = device.Topic("telemetry");

        var lines = await MqttJsDevice.RunStepsAsync(silo.MqttPort, device, 5,
            MqttJsDevice.Publish(telemetry, """{"pm2_5": 30.5}"""),
            MqttJsDevice.Publish(telemetry, """{"pm2_5": 4"""),
            MqttJsDevice.Publish(telemetry, """{"pm2_5": -5}"""),
            MqttJsDevice.Publish(telemetry, """{"temperature": 1500}"""));

        Assert.Contains(ReasonCode(lines[1]), new[] { Success, NoMatchingSubscribers });
        Assert.Equal(PayloadFormatInvalid, ReasonCode(lines[2]));
        Assert.Equal(PayloadFormatInvalid, ReasonCode(lines[3]));
        Assert.Equal(PayloadFormatInvalid, ReasonCode(lines[4]));

        var twin = await silo.WaitForTwinAsync(device.Id, t => MqttSiloFixture.Metric(t, "pm2_5") is not null, Soon, "a pm2_5 value");
        Assert.Equal(30.5, MqttSiloFixture.Metric(twin, "pm2_5"));
        Assert.Null(MqttSiloFixture.Metric(twin, "temperature"));
    }

    [Fact]
    public async Task Command_posted_over_http_reaches_a_v5_device_and_returns_the_reply_it_sends_to_the_response_topic()
    {
        var device = await silo.ProvisionAsync("js-cmd");
        await using var responder = await MqttJsDevice.StartResponderAsync(silo.MqttPort, device);

        var (status, _, body) = await silo.SendCommandAsync(device.Id, "reboot", new { delayMs = 250 }, timeoutSeconds: 10);

        Assert.True(status == HttpStatusCode.OK, $"expected 200, got {(int)status} {body}\ndevice:\n{responder.Snapshot()}\n{silo.SiloOutputTail()}");
        var reply = JsonDocument.Parse(body).RootElement; // the device's reply, as it sent it
        Assert.Equal("done", reply.GetProperty("status").GetString());
        Assert.Equal("reboot", reply.GetProperty("command").GetString());
        Assert.Equal(250, reply.GetProperty("received").GetProperty("delayMs").GetInt32());

        var command = await responder.WaitForCommandAsync(Soon);
        Assert.Equal(device.Topic("cmd/reboot"), command.GetProperty("topic").GetString());
        Assert.Equal(JsonValueKind.String, command.GetProperty("responseTopic").ValueKind);
        Assert.Equal(JsonValueKind.String, command.GetProperty("correlationData").ValueKind);
    }

    private static int ReasonCode(JsonElement line)
    {
        Assert.True(line.GetProperty("step").GetString() == "publish", $"not a publish result: {line}");
        return line.GetProperty("reasonCode").GetInt32();
    }

    private static int SubscribeReasonCode(JsonElement line)
    {
        Assert.True(line.GetProperty("step").GetString() == "subscribe", $"not a subscribe result: {line}");
        var codes = line.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.True(codes.Count == 1, $"expected one SUBACK code: {line}");
        return codes[0];
    }
}
