using System.Collections.Frozen;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Transports;

/// <summary>One MQTT connection per device, each with the device's own credentials (<see cref="MqttDeviceSession"/>).</summary>
internal sealed class MqttDeviceUplink : IFleetUplink
{
    // Signing off thousands of devices one by one would take minutes; all at once would flood the broker.
    private const int SignOffParallelism = 64;

    private readonly FrozenDictionary<string, MqttDeviceSession> sessions;

    public MqttDeviceUplink(
        IEnumerable<SimulatedDevice> devices,
        IReadOnlyDictionary<string, DeviceCredentials> credentials,
        MqttAddress broker,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(time);
        sessions = devices.ToFrozenDictionary(
            d => d.Id,
            d => new MqttDeviceSession(
                d,
                credentials.TryGetValue(d.Id, out var c) ? c : throw new ArgumentException($"No credentials for device '{d.Id}'.", nameof(credentials)),
                broker,
                time),
            StringComparer.Ordinal);
    }

    public int ConnectedDevices => sessions.Values.Count(s => s.IsConnected);

    public ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sessions.TryGetValue(message.Device.Id, out var session)
            ? session.SendAsync(message, cancellationToken)
            : ValueTask.FromException(new DeviceUplinkException($"{message.Device.Id}: not a device of this MQTT uplink."));
    }

    public Task SignOffAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            sessions.Values.Where(s => s.IsConnected),
            new ParallelOptions { MaxDegreeOfParallelism = SignOffParallelism, CancellationToken = cancellationToken },
            async (session, ct) => await session.SignOffAsync(ct).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        foreach (var session in sessions.Values)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
