using System.Text;
using System.Text.Json;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Gateways.Devices.Tests;

public sealed class DesiredPropertiesPublisherTests
{
    private const string DesiredTopic = "city/v1/environment-sensor/aq-07/cmd/desired";
    private const string ThingsBoardAttributes = "$twin/tb/aq-07/attributes";

    [Fact]
    public async Task The_whole_desired_set_goes_out_retained_on_cmd_desired_and_flat_on_the_ThingsBoard_attributes_topic()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");
        await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["interval_s"] = "60" });

        var delivery = await endpoint.Desired.PublishAsync(DeviceKind.EnvironmentSensor, "aq-07", [], CancellationToken.None);

        Assert.Equal(1, delivery.Version);
        var desired = Single(endpoint, DesiredTopic);
        Assert.True(desired.Retain);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, desired.QualityOfService);
        Assert.Equal("""{"version":1,"desired":{"interval_s":"60"}}""", Text(desired));
        var attributes = Single(endpoint, ThingsBoardAttributes);
        Assert.True(attributes.Retain);
        Assert.Equal("""{"interval_s":"60"}""", Text(attributes));
    }

    [Fact]
    public async Task Removed_keys_reach_ThingsBoard_firmware_as_deleted_before_the_remaining_set()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");
        await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["interval_s"] = "60", ["led"] = "on" });
        await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["led"] = null });

        await endpoint.Desired.PublishAsync(DeviceKind.EnvironmentSensor, "aq-07", ["led"], CancellationToken.None);

        var attributes = endpoint.Broker.Published.Where(m => m.Topic == ThingsBoardAttributes).ToArray();
        Assert.Equal(["""{"deleted":["led"]}""", """{"interval_s":"60"}"""], attributes.Select(Text));
        Assert.False(attributes[0].Retain, "a deletion notice is news, not state");
        Assert.Equal("""{"version":2,"desired":{"interval_s":"60"}}""", Text(Single(endpoint, DesiredTopic)));
    }

    [Fact]
    public async Task Crossing_updates_leave_the_newest_version_retained()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["step"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await endpoint.Desired.PublishAsync(DeviceKind.EnvironmentSensor, "aq-07", [], CancellationToken.None);
        })));

        var versions = endpoint.Broker.Published.Where(m => m.Topic == DesiredTopic)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("version").GetInt64())
            .ToArray();
        Assert.Equal(20, versions[^1]);
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task A_devices_first_connection_after_a_restart_retains_its_stored_desired_properties_again_once()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        var secret = await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");
        await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["interval_s"] = "300" });

        Assert.True((await endpoint.ConnectAsync("aq-07", secret)).IsAccepted);
        var restored = await EventuallyAsync(endpoint, DesiredTopic);
        Assert.True(restored.Retain);
        Assert.Equal("""{"version":1,"desired":{"interval_s":"300"}}""", Text(restored));

        Assert.True((await endpoint.ConnectAsync("aq-07", secret)).IsAccepted);
        Assert.Single(endpoint.Broker.Published, m => m.Topic == DesiredTopic);
    }

    [Fact]
    public async Task A_deleted_twins_retained_desired_properties_are_withdrawn()
    {
        await using var endpoint = await DeviceEndpointFixture.StartAsync();
        await endpoint.ProvisionAsync(DeviceKind.EnvironmentSensor, "aq-07");
        await Twin(endpoint).SetDesired(new Dictionary<string, string?> { ["interval_s"] = "60" });
        await endpoint.Desired.PublishAsync(DeviceKind.EnvironmentSensor, "aq-07", [], CancellationToken.None);
        var summary = new DeviceTwinSummary
        {
            Id = "aq-07",
            Kind = DeviceKind.EnvironmentSensor,
            IsProvisioned = false,
            Liveness = DeviceLiveness.Unknown,
            Metrics = [],
            ActiveWarnings = [],
        };

        endpoint.Desired.OnDeviceChanged(new DeviceTwinChange(summary, DeviceTwinChangeKind.Removed, [], null, DateTimeOffset.UtcNow));

        var withdrawn = await EventuallyAsync(endpoint, DesiredTopic, m => m.Payload.IsEmpty);
        Assert.True(withdrawn.Retain);
        await EventuallyAsync(endpoint, ThingsBoardAttributes, m => m.Payload.IsEmpty && m.Retain);
    }

    private static IDeviceTwin Twin(DeviceEndpointFixture endpoint) => endpoint.Cluster.GrainFactory.GetDeviceTwin(DeviceKind.EnvironmentSensor, "aq-07");

    private static MqttApplicationMessage Single(DeviceEndpointFixture endpoint, string topic) => Assert.Single(endpoint.Broker.Published, m => m.Topic == topic);

    private static string Text(MqttApplicationMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    /// <summary>For work the publisher does in the background: waits (generously) until a matching message was published.</summary>
    private static async Task<MqttApplicationMessage> EventuallyAsync(DeviceEndpointFixture endpoint, string topic, Func<MqttApplicationMessage, bool>? matches = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = endpoint.Broker.Published.LastOrDefault(m => m.Topic == topic && (matches?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing published on '{topic}'");
            await Task.Delay(20);
        }
    }
}
