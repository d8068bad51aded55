namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>
/// QoS 0 twin calls of one connection that nobody waits for. Bounded, so a device (or a bug) flooding QoS 0 meets
/// TCP backpressure once the twin falls behind, instead of filling grain mailboxes until the silo runs out of memory.
/// </summary>
internal sealed class UnacknowledgedTwinCalls(int limit)
{
    private int _count;

    /// <summary>Called from the connection's receive loop only.</summary>
    public bool TryStart()
    {
        if (Volatile.Read(ref _count) >= limit)
        {
            return false;
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    public void Finish() => Interlocked.Decrement(ref _count);
}
