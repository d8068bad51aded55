using System.Text.Json.Nodes;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Silo.Demo;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Silo.Tests.Demo;

/// <summary>The demo's devices speak to the twin exactly as an MQTT device of the topic scheme does.</summary>
public sealed class InProcessUplinkTests
{
    private static readonly DateTimeOffset WallNow = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Simulated = WallNow.AddHours(-3);

    private static readonly SimulatedDevice Station = new(
        "tb-aq-01", DeviceKind.EnvironmentSensor, "Trạm quan trắc", "Trạm quan trắc", "thai-binh", new GeoPoint(106.34, 20.45));

    private readonly RecordingMessageSink sink = new();

    [Fact]
    public async Task Telemetry_is_published_on_the_devices_topic_with_the_simulated_time_and_stamped_on_arrival()
    {
        await using var uplink = new InProcessUplink(sink, new FixedClock(WallNow));

        await uplink.SendAsync(DeviceMessage.Telemetry(Station, Simulated, new() { ["pm2_5"] = 41.2 }), CancellationToken.None);

        var (topic, payload, receivedAt, qualityOfService) = Assert.Single(sink.Received);
        Assert.Equal("city/v1/environment-sensor/tb-aq-01/telemetry", topic);
        Assert.Equal($$$"""{"ts":{{{Simulated.ToUnixTimeMilliseconds()}}},"values":{"pm2_5":41.2}}""", payload);
        Assert.Equal(WallNow, receivedAt);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, qualityOfService);
    }

    [Theory]
    [InlineData(nameof(DeviceMessageKind.Online), "online")]
    [InlineData(nameof(DeviceMessageKind.Offline), "offline")]
    [InlineData(nameof(DeviceMessageKind.ConnectionLost), "offline")]
    public async Task A_connectivity_change_is_the_status_a_device_or_its_Will_publishes(string change, string status)
    {
        var kind = Enum.Parse<DeviceMessageKind>(change);
        await using var uplink = new InProcessUplink(sink, new FixedClock(WallNow));

        await uplink.SendAsync(DeviceMessage.Connectivity(Station, Simulated, kind), CancellationToken.None);

        var received = Assert.Single(sink.Received);
        Assert.Equal("city/v1/environment-sensor/tb-aq-01/status", received.Topic);
        Assert.Equal(status, received.Payload);
    }

    [Fact]
    public async Task A_message_the_twin_refuses_fails_with_the_twins_reason()
    {
        sink.Decision = MqttPublishDecision.Refuse(MqttReasonCode.PayloadFormatInvalid, "The event type 'meteor' is not known.");
        await using var uplink = new InProcessUplink(sink, new FixedClock(WallNow));

        var error = await Assert.ThrowsAsync<DeviceUplinkException>(
            async () => await uplink.SendAsync(DeviceMessage.Event(Station, Simulated, new JsonObject { ["type"] = "meteor" }), CancellationToken.None));

        Assert.Contains("city/v1/environment-sensor/tb-aq-01/events", error.Message, StringComparison.Ordinal);
        Assert.Contains("The event type 'meteor' is not known.", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(MqttReasonCode.PayloadFormatInvalid), error.Message, StringComparison.Ordinal);
    }
}
