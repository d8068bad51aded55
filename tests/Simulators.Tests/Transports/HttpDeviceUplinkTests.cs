using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Tests.Transports;

/// <summary>A device posting to the HTTP ingestion endpoints with its own credential.</summary>
public sealed class HttpDeviceUplinkTests(InProcessSilo silo) : IClassFixture<InProcessSilo>
{
    [Fact]
    public async Task Telemetry_posted_with_the_device_credential_reaches_its_twin()
    {
        using var admin = silo.CreateAdminClient();
        using var http = DeviceClient();
        var device = TestDevices.Station("http-ok");
        var credentials = await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        await using var uplink = new HttpDeviceUplink(http, [device], Credentials(device, credentials), TimeProvider.System);

        await uplink.SendAsync(MqttDeviceUplinkTests.Telemetry(device, 77.5), CancellationToken.None);

        var twin = await TwinProbe.WaitUntilAsync(admin, device.Id, t => TwinProbe.Metric(t, "pm2_5") is not null);
        Assert.Equal(77.5, TwinProbe.Metric(twin, "pm2_5"));
        Assert.Equal(1, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task Connectivity_changes_are_not_sent_over_http()
    {
        using var admin = silo.CreateAdminClient();
        using var http = DeviceClient();
        var device = TestDevices.Station("http-conn");
        var credentials = await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        await using var uplink = new HttpDeviceUplink(http, [device], Credentials(device, credentials), TimeProvider.System);

        await uplink.SendAsync(DeviceMessage.Connectivity(device, DateTimeOffset.UtcNow, DeviceMessageKind.Online), CancellationToken.None);

        var twin = await TwinProbe.GetAsync(admin, device.Id);
        Assert.False(TwinProbe.HasMetrics(twin));
        Assert.Equal(0, uplink.ConnectedDevices);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_status_and_the_problem()
    {
        using var admin = silo.CreateAdminClient();
        using var http = DeviceClient();
        var device = TestDevices.Station("http-wrong");
        await new TwinApiClient(admin).ProvisionAsync(device, CancellationToken.None);
        await using var uplink = new HttpDeviceUplink(http, [device], Credentials(device, new DeviceCredentials(device.Id, "not-its-secret", "")), TimeProvider.System);

        var refusal = await Assert.ThrowsAsync<DeviceUplinkException>(
            async () => await uplink.SendAsync(MqttDeviceUplinkTests.Telemetry(device, 1), CancellationToken.None));

        Assert.Contains("401", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(device.Id, refusal.Message, StringComparison.Ordinal);
    }

    private HttpClient DeviceClient() => new() { BaseAddress = new Uri(silo.ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    private static Dictionary<string, DeviceCredentials> Credentials(SimulatedDevice device, DeviceCredentials credentials) =>
        new(StringComparer.Ordinal) { [device.Id] = credentials };
}
