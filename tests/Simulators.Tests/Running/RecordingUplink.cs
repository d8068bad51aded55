using System.Collections.Concurrent;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Tests.Running;

/// <summary>An uplink that keeps what it was sent, per device in arrival order; it can refuse or fail chosen messages.</summary>
internal sealed class RecordingUplink : IDeviceUplink
{
    private readonly ConcurrentDictionary<string, List<DeviceMessage>> byDevice = new(StringComparer.Ordinal);
    private int inFlight;
    private int maxInFlight;

    /// <summary>Throws <see cref="DeviceUplinkException"/> for the messages it selects.</summary>
    public Func<DeviceMessage, bool> Refuse { get; init; } = _ => false;

    /// <summary>Throws <see cref="IOException"/> for the messages it selects.</summary>
    public Func<DeviceMessage, bool> Fail { get; init; } = _ => false;

    /// <summary>Called with each accepted message, after it is recorded.</summary>
    public Action<DeviceMessage> Accepted { get; init; } = _ => { };

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IReadOnlyDictionary<string, List<DeviceMessage>> ByDevice => byDevice;

    public int Count => byDevice.Values.Sum(l => l.Count);

    public async ValueTask SendAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            // A real transport completes on another thread, interleaving lanes.
            await Task.Yield();
            if (Refuse(message))
            {
                throw new DeviceUplinkException("PUBACK 0x99: payload format invalid");
            }

            if (Fail(message))
            {
                throw new IOException("connection reset");
            }

            var list = byDevice.GetOrAdd(message.Device.Id, _ => []);
            lock (list)
            {
                list.Add(message);
            }

            Accepted(message);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
