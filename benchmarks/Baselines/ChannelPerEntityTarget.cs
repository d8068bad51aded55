using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Baselines;

/// <summary>Baseline 1: one <see cref="ChannelEntity"/> per entity, the same 100,000 entities the grains are.</summary>
internal sealed class ChannelPerEntityTarget : CountedTarget, IDisposable
{
    private readonly ChannelEntity[] entities;

    public ChannelPerEntityTarget(int count)
    {
        entities = new ChannelEntity[count];
        for (var i = 0; i < count; i++)
        {
            entities[i] = new ChannelEntity();
        }
    }

    public override string Name => Reporting.RuntimeReport.PerEntityBaselineName;

    public override int EntityCount => entities.Length;

    public override void Send(int entity, int metric, double value) => entities[entity].Post(new TelemetryMessage(metric, value));

    public void Dispose()
    {
        foreach (var entity in entities)
        {
            entity.Complete();
        }
    }
}
