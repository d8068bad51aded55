namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// A counter incremented from many threads at high rates (every PUBLISH of every connection): increments go to one of
/// several cache-line-padded cells chosen by thread, so connections do not contend on one cache line; reads sum the cells.
/// </summary>
internal sealed class MqttStripedCounter
{
    private const int Cells = 32;
    private const int Stride = 16; // 128 bytes between cells: no false sharing, even with adjacent-line prefetch.
    private readonly long[] _cells = new long[Cells * Stride];

    public long Value
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < Cells; i++)
            {
                sum += Volatile.Read(ref _cells[i * Stride]);
            }

            return sum;
        }
    }

    public void Increment() => Interlocked.Increment(ref _cells[(Environment.CurrentManagedThreadId & (Cells - 1)) * Stride]);
}
