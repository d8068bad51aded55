using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;

namespace SmartCity.Twin.Gateways.Devices.Tests;

/// <summary>A connection with a <c>write:telemetry</c> key speaks for any registered device, and only as its registered kind.</summary>
public sealed class GatewayPolicyTests
{
    private const string Sensor = "city/v1/environment-sensor/";

    [Fact]
    public async Task A_gateway_key_connects_as_a_gateway_named_by_its_username()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();

        var outcome = await endpoint.ConnectAsync("sim-north", DeviceEndpointFixture.GatewayKey);

        Assert.True(outcome.IsAccepted);
        Assert.Equal("gateway:sim-north", outcome.Policy!.Identity);
    }

    [Fact]
    public async Task A_gateway_with_a_Will_is_refused_at_connect()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");

        var outcome = await endpoint.ConnectAsync("sim-north", DeviceEndpointFixture.GatewayKey, willTopic: Sensor + "aq-01/status");

        Assert.Equal(MqttReasonCode.NotAuthorized, outcome.ReasonCode);
    }

    [Fact]
    public async Task Messages_for_two_registered_devices_reach_their_twins()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        await endpoint.ProvisionAsync(DeviceKind.FireAlarm, "fire-01");
        var gateway = await ConnectGatewayAsync(endpoint);

        var telemetry = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "aq-01/telemetry", """{"pm2_5": 41.5}"""), default);
        var state = await gateway.AuthorizePublishAsync(endpoint.Publish("city/v1/fire-alarm/fire-01/state", """{"firmware": "3.1"}"""), default);

        Assert.Equal(Sensor + "aq-01/telemetry", telemetry.RouteTopic);
        Assert.True(state.IsAccepted);
        Assert.Equal(41.5, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Metrics.Single(m => m.Metric == "pm2_5").Value);
        Assert.Equal("3.1", (await endpoint.SnapshotAsync(DeviceKind.FireAlarm, "fire-01")).Reported["firmware"]);
    }

    [Fact]
    public async Task An_unregistered_device_is_refused_until_it_is_provisioned()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var gateway = await ConnectGatewayAsync(endpoint);

        var before = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "aq-07/telemetry", """{"pm2_5": 12}"""), default);
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");
        var after = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "aq-07/telemetry", """{"pm2_5": 13}"""), default);

        Assert.Equal(MqttReasonCode.NotAuthorized, before.ReasonCode);
        Assert.Contains("aq-07", before.Reason, StringComparison.Ordinal);
        Assert.True(after.IsAccepted);
    }

    [Fact]
    public async Task A_device_is_spoken_for_only_as_the_kind_it_is_registered_as()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.Camera, "cam-01");
        var gateway = await ConnectGatewayAsync(endpoint);

        var first = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "cam-01/telemetry", """{"pm2_5": 12}"""), default);
        Assert.True((await gateway.AuthorizePublishAsync(endpoint.Publish("city/v1/camera/cam-01/status", "online"), default)).IsAccepted);
        var cached = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "cam-01/telemetry", """{"pm2_5": 12}"""), default);

        Assert.Equal(MqttReasonCode.NotAuthorized, first.ReasonCode);
        Assert.Equal(MqttReasonCode.NotAuthorized, cached.ReasonCode);
        Assert.Contains("camera", cached.Reason, StringComparison.Ordinal);
        Assert.Empty((await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "cam-01")).Metrics);
    }

    [Theory]
    [InlineData("city/v1/environment-sensor/aq-01/cmd/reboot")]
    [InlineData("city/v1/environment-sensor/aq-01/reply/reboot")]
    [InlineData("v1/devices/me/telemetry")]
    [InlineData("$twin/aq-01/telemetry")]
    public async Task A_gateway_publishes_only_device_messages_to_twins(string topic)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var gateway = await ConnectGatewayAsync(endpoint);

        var decision = await gateway.AuthorizePublishAsync(endpoint.Publish(topic, """{"pm2_5": 12}"""), default);

        Assert.Equal(MqttReasonCode.NotAuthorized, decision.ReasonCode);
    }

    [Theory]
    [InlineData("city/#")]
    [InlineData("city/v1/environment-sensor/aq-01/cmd/+")]
    [InlineData("$twin/#")]
    public async Task A_gateway_subscribes_to_nothing(string topicFilter)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var gateway = await ConnectGatewayAsync(endpoint);

        Assert.False(gateway.AuthorizeSubscription(topicFilter).IsGranted);
    }

    [Fact]
    public async Task When_a_gateway_drops_its_devices_go_offline_except_one_connected_on_its_own()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var ownSecret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-02");
        var gateway = await ConnectGatewayAsync(endpoint);
        await PublishTelemetryAsync(endpoint, gateway, "aq-01");
        await PublishTelemetryAsync(endpoint, gateway, "aq-02");
        Assert.True((await endpoint.ConnectAsync("aq-02", ownSecret)).IsAccepted);
        endpoint.Cluster.TimeProvider.Advance(TimeSpan.FromSeconds(1));

        gateway.OnConnectionClosed(MqttConnectionCloseReason.ConnectionLost);
        await ((GatewayPolicy)gateway).OfflineReports;

        Assert.Equal(DeviceLiveness.Offline, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Liveness);
        Assert.Equal(DeviceLiveness.Online, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-02")).Liveness);
    }

    [Theory]
    [InlineData(MqttConnectionCloseReason.ClientDisconnected)]
    [InlineData(MqttConnectionCloseReason.SessionTakenOver)]
    [InlineData(MqttConnectionCloseReason.ServerShutdown)]
    public async Task A_gateway_that_disconnects_or_reconnects_leaves_its_devices_online(MqttConnectionCloseReason reason)
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var gateway = await ConnectGatewayAsync(endpoint);
        await PublishTelemetryAsync(endpoint, gateway, "aq-01");
        endpoint.Cluster.TimeProvider.Advance(TimeSpan.FromSeconds(1));

        gateway.OnConnectionClosed(reason);
        await ((GatewayPolicy)gateway).OfflineReports;

        Assert.Equal(DeviceLiveness.Online, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, "aq-01")).Liveness);
    }

    [Fact]
    public async Task A_device_deleted_while_the_gateway_is_connected_is_refused_from_then_on()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var gateway = await ConnectGatewayAsync(endpoint);
        await PublishTelemetryAsync(endpoint, gateway, "aq-01");

        // What DELETE /api/v1/twins/{id} does to the registration.
        await endpoint.Cluster.GrainFactory.GetGrain<IDeviceCredentials>("aq-01").Remove();
        endpoint.Connections.Revoke("aq-01");

        var decision = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "aq-01/telemetry", """{"pm2_5": 3}"""), default);
        Assert.Equal(MqttReasonCode.NotAuthorized, decision.ReasonCode);
    }

    [Fact]
    public async Task Rotating_a_devices_secret_does_not_stop_its_gateway()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-01");
        var gateway = await ConnectGatewayAsync(endpoint);
        await PublishTelemetryAsync(endpoint, gateway, "aq-01");

        // What POST /api/v1/twins/{id}/credentials does.
        Assert.NotNull(await endpoint.Cluster.GrainFactory.GetGrain<IDeviceCredentials>("aq-01").Rotate());
        endpoint.Connections.Revoke("aq-01");

        var decision = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + "aq-01/telemetry", """{"pm2_5": 3}"""), default);
        Assert.True(decision.IsAccepted, decision.Reason);
    }

    private static async Task<IMqttClientPolicy> ConnectGatewayAsync(DeviceEndpointFixture endpoint)
    {
        var outcome = await endpoint.ConnectAsync("sim-north", DeviceEndpointFixture.GatewayKey);
        Assert.True(outcome.IsAccepted, $"gateway refused with {outcome.ReasonCode}");
        return outcome.Policy!;
    }

    private static async Task PublishTelemetryAsync(DeviceEndpointFixture endpoint, IMqttClientPolicy gateway, string deviceId)
    {
        var decision = await gateway.AuthorizePublishAsync(endpoint.Publish(Sensor + deviceId + "/telemetry", """{"pm2_5": 20}"""), default);
        Assert.True(decision.IsAccepted, decision.Reason);
        Assert.Equal(DeviceLiveness.Online, (await endpoint.SnapshotAsync(DeviceKind.EnvironmentSensor, deviceId)).Liveness);
    }
}
