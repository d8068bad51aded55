using System.Net.Http.Json;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Transports;

/// <summary>A device on its own MQTT connection behaves towards the twin as a real one does.</summary>
public sealed class MqttDeviceUplinkTests(InProcessSilo silo) : IClassFixture<InProcessSilo>
{
    private readonly MqttAddress broker = new("127.0.0.1", silo.MqttPort);

    [Fact]
    public async Task Telemetry_reaches_the_twin_of_a_device_that_came_online()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-on");
        await using var uplink = await ConnectedAsync(admin, device);

        await uplink.SendAsync(Telemetry(device, 41.2), CancellationToken.None);

        var twin = await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Metric(t, "pm2_5") is not null);
        Assert.Equal(41.2, TwinProbe.Metric(twin, "pm2_5"));
        Assert.Equal("Online", TwinProbe.Liveness(twin));
        Assert.Equal(1, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task A_lost_connection_leaves_the_will_to_say_the_device_is_offline()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-lost");
        await using var uplink = await ConnectedAsync(admin, device);
        await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Liveness(t) == "Online");

        await uplink.SendAsync(DeviceMessage.Connectivity(device, DateTimeOffset.UtcNow, DeviceMessageKind.ConnectionLost), CancellationToken.None);

        await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Liveness(t) == "Offline");
        Assert.Equal(0, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task Signing_off_says_offline_and_disconnects()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-off");
        await using var uplink = await ConnectedAsync(admin, device);
        await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Liveness(t) == "Online");

        await uplink.SignOffAsync(CancellationToken.None);

        await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Liveness(t) == "Offline");
        Assert.Equal(0, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task A_publish_the_twin_refuses_becomes_a_DeviceUplinkException_with_the_reason()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-refused");
        await using var uplink = await ConnectedAsync(admin, device);

        // A new secret revokes what the device's open connection may say.
        using (var rotated = await admin.PostAsync(new Uri($"api/v1/twins/{device.Id}/credentials", UriKind.Relative), null))
        {
            rotated.EnsureSuccessStatusCode();
        }

        var refusal = await Assert.ThrowsAsync<DeviceUplinkException>(async () => await uplink.SendAsync(Telemetry(device, 12), CancellationToken.None));
        Assert.Contains("NotAuthorized", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(device.Id, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_with_a_wrong_secret_is_refused_at_connect()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-wrong");
        await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        await using var uplink = new MqttDeviceUplink([device], Credentials(device, new DeviceCredentials(device.Id, "not-its-secret", "")), broker, TimeProvider.System);

        var refusal = await Assert.ThrowsAsync<DeviceUplinkException>(
            async () => await uplink.SendAsync(DeviceMessage.Connectivity(device, DateTimeOffset.UtcNow, DeviceMessageKind.Online), CancellationToken.None));

        Assert.Contains("refused the connection", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task Without_a_broker_sending_fails_as_undelivered_and_retries_only_after_a_backoff()
    {
        using var admin = silo.CreateAdminClient();
        var device = TestDevices.Station("mq-nobroker");
        var credentials = await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        await using var uplink = new MqttDeviceUplink([device], Credentials(device, credentials), new MqttAddress("127.0.0.1", 1), TimeProvider.System);

        var first = await Assert.ThrowsAsync<IOException>(async () => await uplink.SendAsync(Telemetry(device, 1), CancellationToken.None));
        var second = await Assert.ThrowsAsync<IOException>(async () => await uplink.SendAsync(Telemetry(device, 2), CancellationToken.None));

        Assert.Contains("cannot connect", first.Message, StringComparison.Ordinal);
        Assert.Contains("next attempt in", second.Message, StringComparison.Ordinal);
    }

    private async Task<MqttDeviceUplink> ConnectedAsync(HttpClient admin, SimulatedDevice device)
    {
        var credentials = await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        var uplink = new MqttDeviceUplink([device], Credentials(device, credentials), broker, TimeProvider.System);
        await uplink.SendAsync(DeviceMessage.Connectivity(device, DateTimeOffset.UtcNow, DeviceMessageKind.Online), CancellationToken.None);
        return uplink;
    }

    private static Dictionary<string, DeviceCredentials> Credentials(SimulatedDevice device, DeviceCredentials credentials) =>
        new(StringComparer.Ordinal) { [device.Id] = credentials };

    internal static DeviceMessage Telemetry(SimulatedDevice device, double pm25) =>
        DeviceMessage.Telemetry(device, DateTimeOffset.UtcNow.AddSeconds(-1), new Dictionary<string, double>(StringComparer.Ordinal) { ["pm2_5"] = pm25 });
}
