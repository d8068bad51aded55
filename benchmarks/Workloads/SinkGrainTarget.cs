using SmartCity.Twin.Benchmarks.Grains;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>One-way calls into <see cref="ITelemetrySinkGrain"/> references made once per key, as a gateway caches them.</summary>
internal sealed class SinkGrainTarget : CountedTarget
{
    private readonly ITelemetrySinkGrain[] grains;

    public SinkGrainTarget(IGrainFactory factory, int count)
    {
        grains = new ITelemetrySinkGrain[count];
        for (var i = 0; i < count; i++)
        {
            grains[i] = factory.GetGrain<ITelemetrySinkGrain>("sink-" + i);
        }
    }

    public override string Name => Reporting.RuntimeReport.SinkName;

    public override int EntityCount => grains.Length;

    public ITelemetrySinkGrain this[int index] => grains[index];

    public override void Send(int entity, int metric, double value) => grains[entity].Record(metric, value);
}
