using System.Collections.Frozen;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>Sends each device's messages through the transport chosen for it (<see cref="TransportPlan"/>).</summary>
internal sealed class RoutedUplink : IFleetUplink
{
    private readonly FrozenDictionary<string, IFleetUplink> routes;
    private readonly IFleetUplink[] uplinks;

    /// <param name="routes">Device id → its uplink; the uplinks are disposed with this one.</param>
    public RoutedUplink(IReadOnlyDictionary<string, IFleetUplink> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        this.routes = routes.ToFrozenDictionary(StringComparer.Ordinal);
        uplinks = [.. routes.Values.Distinct()];
    }

    public int ConnectedDevices => uplinks.Sum(u => u.ConnectedDevices);

    public ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return routes.TryGetValue(message.Device.Id, out var uplink)
            ? uplink.SendAsync(message, cancellationToken)
            : ValueTask.FromException(new DeviceUplinkException($"{message.Device.Id}: no transport was planned for this device."));
    }

    public Task SignOffAsync(CancellationToken cancellationToken) => Task.WhenAll(uplinks.Select(u => u.SignOffAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var uplink in uplinks)
        {
            await uplink.DisposeAsync().ConfigureAwait(false);
        }
    }
}
