using System.Collections.Concurrent;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// Which connection of each device is the newest. A device that reconnects while its old, half-open connection is
/// still being timed out gets a new connection first; the old one's Will or close must then not mark it offline.
/// </summary>
internal sealed class DeviceConnections
{
    private readonly ConcurrentDictionary<string, long> _newest = new(StringComparer.Ordinal);
    private long _lastGeneration;

    public long Open(string deviceId)
    {
        var generation = Interlocked.Increment(ref _lastGeneration);
        _newest[deviceId] = generation;
        return generation;
    }

    /// <summary>Whether the device has opened a connection after <paramref name="generation"/> (still open or not).</summary>
    public bool IsSuperseded(string deviceId, long generation) => _newest.TryGetValue(deviceId, out var newest) && newest > generation;

    /// <summary>
    /// Forgets the device's newest connection once it closes. A Will sent later (MQTT 5 Will Delay) still applies, since
    /// no newer connection exists; a reconnection within the delay cancels the Will in the endpoint anyway.
    /// </summary>
    public void Close(string deviceId, long generation) => _newest.TryRemove(new KeyValuePair<string, long>(deviceId, generation));
}
