using System.Collections.Concurrent;

namespace SmartCity.Twin.Gateways.Devices.Identity;

/// <summary>
/// Which connection of each device is the newest. A device that reconnects while its old, half-open connection is
/// still being timed out gets a new connection first; the old one's Will or close must then not mark it offline.
/// Also which connections were opened with a secret that has since been rotated or deleted: the endpoint offers no
/// way to close a connection from outside, so those connections stay open but may no longer speak for the device.
/// </summary>
internal sealed class DeviceConnections
{
    private readonly ConcurrentDictionary<string, long> _newest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _revokedUpTo = new(StringComparer.Ordinal);
    private long _lastGeneration;

    // Read on every publish: until the first revocation the check costs one volatile read, not a dictionary lookup.
    private volatile bool _anyRevoked;

    public long Open(string deviceId)
    {
        var generation = Interlocked.Increment(ref _lastGeneration);
        _newest[deviceId] = generation;
        return generation;
    }

    /// <summary>
    /// A point in the sequence of connections and revocations, for a gateway that checked a device's registration:
    /// <see cref="IsRevoked"/> with it tells whether the device was rotated or deleted since.
    /// </summary>
    public long Stamp() => Interlocked.Increment(ref _lastGeneration);

    /// <summary>Whether the device has a connection of its own open now.</summary>
    public bool IsConnected(string deviceId) => _newest.ContainsKey(deviceId);

    /// <summary>Whether the device has opened a connection after <paramref name="generation"/> (still open or not).</summary>
    public bool IsSuperseded(string deviceId, long generation) => _newest.TryGetValue(deviceId, out var newest) && newest > generation;

    /// <summary>
    /// Forgets the device's newest connection once it closes. A Will sent later (MQTT 5 Will Delay) still applies, since
    /// no newer connection exists; a reconnection within the delay cancels the Will in the endpoint anyway.
    /// </summary>
    public void Close(string deviceId, long generation) => _newest.TryRemove(new KeyValuePair<string, long>(deviceId, generation));

    /// <summary>
    /// The device's secret changed (rotated, or the device was deleted): every connection it opened so far is revoked.
    /// One entry per device ever revoked, so bounded by the number of devices.
    /// </summary>
    public void Revoke(string deviceId)
    {
        _revokedUpTo[deviceId] = Interlocked.Read(ref _lastGeneration);
        _anyRevoked = true;
    }

    /// <summary>Whether the connection <paramref name="generation"/> was opened before the device's secret last changed.</summary>
    public bool IsRevoked(string deviceId, long generation) =>
        _anyRevoked && _revokedUpTo.TryGetValue(deviceId, out var upTo) && generation <= upTo;
}
