using System.Collections.Frozen;
using System.Globalization;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>
/// Devices multiplexed over a few gateway connections (<see cref="MqttGateway"/>), up to <c>--devices-per-gateway</c>
/// each, in layout order, so a device always goes through the same gateway.
/// </summary>
internal sealed class MqttGatewayUplink : IFleetUplink
{
    private readonly MqttGateway[] gateways;
    private readonly FrozenDictionary<string, MqttGateway> byDevice;

    public MqttGatewayUplink(IReadOnlyList<SimulatedDevice> devices, int devicesPerGateway, string key, string runName, MqttAddress broker, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentOutOfRangeException.ThrowIfLessThan(devicesPerGateway, 1);
        var count = Math.Max(1, (devices.Count + devicesPerGateway - 1) / devicesPerGateway);
        gateways = [.. Enumerable.Range(1, count).Select(i => new MqttGateway(string.Create(CultureInfo.InvariantCulture, $"{runName}-{i}"), key, broker, time))];
        byDevice = devices
            .Select((device, index) => (device.Id, Gateway: gateways[index / devicesPerGateway]))
            .ToFrozenDictionary(p => p.Id, p => p.Gateway, StringComparer.Ordinal);
    }

    public int Gateways => gateways.Length;

    public int ConnectedDevices => gateways.Sum(g => g.OnlineDevices);

    public ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return byDevice.TryGetValue(message.Device.Id, out var gateway)
            ? gateway.SendAsync(message, cancellationToken)
            : ValueTask.FromException(new DeviceUplinkException($"{message.Device.Id}: no gateway speaks for this device."));
    }

    public Task SignOffAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(gateways.Select(g => g.SignOffAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in gateways)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }
    }
}
