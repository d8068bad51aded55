using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Gateways.Devices.Commands;
using SmartCity.Twin.Gateways.Devices.Desired;
using SmartCity.Twin.Gateways.Devices.Identity;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.Credentials;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime.Testing;

namespace SmartCity.Twin.Gateways.Devices.Tests;

/// <summary>The device authority over a real grain cluster, called the way the MQTT endpoint calls it.</summary>
internal sealed class DeviceEndpointFixture : IAsyncDisposable
{
    public const string OperatorKey = "operator-key-for-tests";

    public const string GatewayKey = "gateway-key-for-tests";

    private DeviceEndpointFixture(InProcessTestCluster cluster)
    {
        Cluster = cluster;
        var grains = cluster.GrainFactory;
        var sink = new TwinMessageSink(grains, cluster.Services.GetRequiredService<IOptions<TwinOptions>>(), NullLogger<TwinMessageSink>.Instance);
        var pending = new PendingCommands();
        Commands = new DeviceCommandDispatcher(Broker, pending, cluster.TimeProvider);
        Desired = new DesiredPropertiesPublisher(grains, () => Broker, NullLogger<DesiredPropertiesPublisher>.Instance);
        Authority = new DeviceAuthority(grains, new FixedOperatorKey(OperatorKey, GatewayKey), sink, pending, Connections, Desired, cluster.TimeProvider, NullLogger<DeviceAuthority>.Instance);
    }

    public InProcessTestCluster Cluster { get; }

    public RecordingBroker Broker { get; } = new();

    public DeviceConnections Connections { get; } = new();

    public DeviceCommandDispatcher Commands { get; }

    public DeviceAuthority Authority { get; }

    public DesiredPropertiesPublisher Desired { get; }

    public static async Task<DeviceEndpointFixture> StartAsync() =>
        new(await InProcessTestCluster.CreateBuilder().ConfigureServices(services => services.AddTwinGrains()).StartAsync());

    /// <summary>Registers and provisions a device as the HTTP API does; returns its secret.</summary>
    public async Task<string> ProvisionAsync(DeviceKind kind, string deviceId)
    {
        var registration = await Cluster.GrainFactory.GetGrain<IDeviceCredentials>(deviceId).Register(kind);
        await Cluster.GrainFactory.GetDeviceTwin(kind, deviceId).Provision(new DeviceProvisioning(deviceId, new GeoPoint(106.34, 20.45)));
        return registration.Secret!;
    }

    public ValueTask<MqttConnectOutcome> ConnectAsync(string? username, string password, string? willTopic = null) =>
        Authority.AuthenticateAsync(
            new MqttConnectRequest("client-" + username, username, Encoding.UTF8.GetBytes(password), MqttProtocolVersion.V500, null, willTopic),
            CancellationToken.None);

    public async Task<IMqttClientPolicy> ConnectDeviceAsync(DeviceKind kind, string deviceId, string? willTopic = null)
    {
        var secret = await ProvisionAsync(kind, deviceId);
        var outcome = await ConnectAsync(deviceId, secret, willTopic);
        Assert.True(outcome.IsAccepted, $"connect refused with {outcome.ReasonCode}");
        return outcome.Policy!;
    }

    public MqttInboundPublish Publish(string topic, string payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool isWill = false) =>
        new(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), qos, Retain: false, IsWill: isWill, Cluster.TimeProvider.GetUtcNow());

    public Task<DeviceTwinSnapshot> SnapshotAsync(DeviceKind kind, string deviceId) => Cluster.GrainFactory.GetDeviceTwin(kind, deviceId).GetSnapshot();

    public ValueTask DisposeAsync()
    {
        Desired.Dispose();
        return Cluster.DisposeAsync();
    }
}
