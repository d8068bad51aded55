namespace SmartCity.Twin.Benchmarks.Mqtt;

/// <summary>Messages counted where the benchmark measures them: applied in the policy, or delivered to the subscriber.</summary>
internal sealed class MessageCounter
{
    private long _count;

    public long Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
