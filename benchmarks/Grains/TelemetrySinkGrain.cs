using SmartCity.Twin.Benchmarks.Workloads;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Grains;

/// <summary>Applies a record by adding into a field, exactly what the channel baselines do to their entities.</summary>
internal sealed class TelemetrySinkGrain : Grain, ITelemetrySinkGrain
{
    private double sum;
    private int received;

    public Task Record(int metric, double value)
    {
        sum += value + metric;
        received++;
        AppliedCounter.Increment();
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(received + (sum < 0 ? 1 : 0));
}
