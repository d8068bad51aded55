using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Baselines;

/// <summary>An entity of the sharded baseline: only state, applied by the worker that owns its shard.</summary>
internal sealed class ShardEntity
{
    private double sum;
    private int received;

    public int Received => Volatile.Read(ref received) + (sum < 0 ? 1 : 0);

    public void Apply(TelemetryMessage message)
    {
        sum += message.Value + message.Metric;
        received++;
        AppliedCounter.Increment();
    }
}
