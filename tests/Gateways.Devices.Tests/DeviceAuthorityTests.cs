using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Gateways.Devices.Tests;

public sealed class DeviceAuthorityTests
{
    private const string Sensor = "city/v1/environment-sensor/aq-01/";

    [Fact]
    public async Task A_device_connects_with_its_id_and_the_secret_issued_at_registration()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var outcome = await endpoint.ConnectAsync("aq-01", secret);

        Assert.True(outcome.IsAccepted);
        Assert.Equal("aq-01", outcome.Policy!.Identity);
    }

    [Theory]
    [InlineData("aq-01", "wrong-secret")]
    [InlineData("no-such-device", "anything")]
    [InlineData(null, "anything")]
    [InlineData("aq-01", "")]
    public async Task An_unknown_device_or_a_wrong_secret_is_not_authorized(string? username, string password)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var outcome = await endpoint.ConnectAsync(username, password);

        Assert.False(outcome.IsAccepted);
        Assert.Equal(MqttReasonCode.NotAuthorized, outcome.ReasonCode);
    }

    [Fact]
    public async Task ThingsBoard_firmware_connects_with_its_access_token_as_username_and_publishes_to_me()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var outcome = await endpoint.ConnectAsync(AccessToken.Create("aq-01", secret), "");
        var decision = await outcome.Policy!.AuthorizePublishAsync(endpoint.Publish("v1/devices/me/telemetry", """{"pm2_5": 33}"""), default);

        Assert.True(decision.IsAccepted);
        Assert.Equal(Sensor + "telemetry", decision.RouteTopic);
        Assert.Equal(33, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Metrics.Single(m => m.Metric == "pm2_5").Value);
    }

    [Fact]
    public async Task A_QoS_1_telemetry_message_is_acknowledged_once_the_twin_holds_it()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var decision = await device.AuthorizePublishAsync(endpoint.Publish(Sensor + "telemetry", """{"values": {"pm2_5": 41.2}}"""), default);

        Assert.Equal(MqttReasonCode.Success, decision.ReasonCode);
        var snapshot = await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01");
        Assert.Equal(41.2, snapshot.Metrics.Single(m => m.Metric == "pm2_5").Value);
        Assert.Equal(DeviceLiveness.Online, snapshot.Liveness);
    }

    [Theory]
    [InlineData("""{"pm2_5": -5}""")]
    [InlineData("""{"pm2_5": 12""")]
    [InlineData("""{"temperature": 1500}""")]
    public async Task A_bad_payload_is_refused_as_payload_format_invalid_and_leaves_the_twin_as_it_was(string payload)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");
        await device.AuthorizePublishAsync(endpoint.Publish(Sensor + "telemetry", """{"pm2_5": 20, "temperature": 30}"""), default);

        var decision = await device.AuthorizePublishAsync(endpoint.Publish(Sensor + "telemetry", payload), default);

        Assert.Equal(MqttReasonCode.PayloadFormatInvalid, decision.ReasonCode);
        Assert.False(string.IsNullOrEmpty(decision.Reason));
        var metrics = (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Metrics.ToDictionary(m => m.Metric, m => m.Value);
        Assert.Equal(20, metrics["pm2_5"]);
        Assert.Equal(30, metrics["temperature"]);
    }

    [Theory]
    [InlineData("city/v1/environment-sensor/aq-02/telemetry")]
    [InlineData("city/v1/camera/aq-01/telemetry")]
    [InlineData("city/v1/environment-sensor/aq-01/cmd/reboot")]
    [InlineData("somewhere/else")]
    public async Task A_device_may_not_publish_outside_its_own_topics(string topic)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var decision = await device.AuthorizePublishAsync(endpoint.Publish(topic, """{"pm2_5": 99}"""), default);

        Assert.Equal(MqttReasonCode.NotAuthorized, decision.ReasonCode);
        Assert.Empty((await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-02")).Metrics);
    }

    [Theory]
    [InlineData(Sensor + "cmd/#", true)]
    [InlineData(Sensor + "cmd/reboot", true)]
    [InlineData("city/v1/environment-sensor/aq-02/cmd/#", false)]
    [InlineData("city/#", false)]
    [InlineData("#", false)]
    public async Task A_device_subscribes_only_to_its_own_commands(string filter, bool granted)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");

        Assert.Equal(granted, device.AuthorizeSubscription(filter).IsGranted);
    }

    [Fact]
    public async Task A_ThingsBoard_RPC_subscription_receives_the_devices_own_requests_under_me()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var decision = device.AuthorizeSubscription("v1/devices/me/rpc/request/+");

        Assert.True(decision.IsGranted);
        Assert.Equal("$twin/tb/aq-01/rpc/request/+", decision.EffectiveFilter);
        Assert.Equal("v1/devices/me/rpc/request/17", device.OutgoingTopic("$twin/tb/aq-01/rpc/request/17"));
    }

    [Fact]
    public async Task An_operator_key_watches_city_topics_read_only()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();

        var outcome = await endpoint.ConnectAsync("ioc-wall", DeviceEndpointFixture.OperatorKey);

        Assert.True(outcome.IsAccepted);
        var policy = outcome.Policy!;
        Assert.True(policy.AuthorizeSubscription("city/#").IsGranted);
        Assert.False(policy.AuthorizeSubscription("$twin/tb/aq-01/rpc/request/+").IsGranted);
        var publish = await policy.AuthorizePublishAsync(endpoint.Publish(Sensor + "telemetry", """{"pm2_5": 1}"""), default);
        Assert.Equal(MqttReasonCode.NotAuthorized, publish.ReasonCode);
    }

    [Fact]
    public async Task A_Will_on_another_devices_topic_is_refused_at_connect()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var outcome = await endpoint.ConnectAsync("aq-01", secret, willTopic: "city/v1/environment-sensor/aq-02/status");

        Assert.Equal(MqttReasonCode.NotAuthorized, outcome.ReasonCode);
    }

    [Fact]
    public async Task The_status_Will_takes_the_twin_offline_unless_the_device_is_already_back_on_a_newer_connection()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var first = (await endpoint.ConnectAsync("aq-01", secret, Sensor + "status")).Policy!;
        var second = (await endpoint.ConnectAsync("aq-01", secret, Sensor + "status")).Policy!;

        var staleWill = await first.AuthorizePublishAsync(endpoint.Publish(Sensor + "status", "offline", isWill: true), default);
        first.OnConnectionClosed(MqttConnectionCloseReason.SessionTakenOver);
        Assert.Null(staleWill.RouteTopic);
        Assert.Equal(DeviceLiveness.Online, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Liveness);

        endpoint.Cluster.TimeProvider.Advance(TimeSpan.FromSeconds(1));
        var will = await second.AuthorizePublishAsync(endpoint.Publish(Sensor + "status", "offline", isWill: true), default);
        Assert.Equal(Sensor + "status", will.RouteTopic);
        Assert.Equal(DeviceLiveness.Offline, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Liveness);
    }

    [Fact]
    public async Task A_delayed_Will_arriving_after_the_connection_closed_still_takes_the_twin_offline()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var device = (await endpoint.ConnectAsync("aq-01", secret, Sensor + "status")).Policy!;

        device.OnConnectionClosed(MqttConnectionCloseReason.ConnectionLost);
        endpoint.Cluster.TimeProvider.Advance(TimeSpan.FromSeconds(30));
        var will = await device.AuthorizePublishAsync(endpoint.Publish(Sensor + "status", "offline", isWill: true), default);

        Assert.Equal(Sensor + "status", will.RouteTopic);
        Assert.Equal(DeviceLiveness.Offline, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Liveness);
    }

    [Fact]
    public async Task A_reply_with_correlation_data_answers_its_command()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var device = await endpoint.ConnectDeviceAsync(DeviceKind.EnvironmentSensor, "aq-01");
        using var payload = System.Text.Json.JsonDocument.Parse("""{"delay": 5}""");

        var sending = endpoint.Commands.SendAsync(DeviceKind.EnvironmentSensor, "aq-01", "reboot", payload.RootElement, TimeSpan.FromMinutes(1), default);
        var command = endpoint.Broker.Published.First(m => m.Topic == Sensor + "cmd/reboot");
        Assert.Equal(Sensor + "reply/reboot", command.ResponseTopic);
        var reply = endpoint.Publish(Sensor + "reply/reboot", """{"ok": true}""") with { CorrelationData = command.CorrelationData };
        await device.AuthorizePublishAsync(reply, default);

        var outcome = await sending;
        Assert.Equal(Commands.DeviceCommandStatus.Replied, outcome.Status);
        Assert.Equal("""{"ok": true}""", System.Text.Encoding.UTF8.GetString(outcome.Reply.Span));
    }
}
