using System.Threading.Channels;
using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Baselines;

/// <summary>
/// Baseline 2: one channel and one reader loop per core, each owning a fixed shard of the entities (entity mod
/// shards). It keeps the single-writer-per-entity guarantee without scheduling anything per entity, so a reader
/// drains long runs of messages per wake-up: the ceiling for "messages handed to another thread and applied" on this
/// machine, not a design with per-entity isolation, activation or fairness.
/// </summary>
internal sealed class ShardedChannelTarget : CountedTarget, IDisposable
{
    private readonly ShardEntity[] entities;
    private readonly Channel<ShardedMessage>[] shards;

    public ShardedChannelTarget(int count, int shardCount)
    {
        entities = new ShardEntity[count];
        for (var i = 0; i < count; i++)
        {
            entities[i] = new ShardEntity();
        }

        shards = new Channel<ShardedMessage>[shardCount];
        for (var i = 0; i < shardCount; i++)
        {
            shards[i] = Channel.CreateUnbounded<ShardedMessage>(new UnboundedChannelOptions
            {
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            });
            _ = RunAsync(shards[i].Reader);
        }
    }

    public override string Name => $"baseline 2: {shards.Length} sharded Channel<T> readers";

    public override int EntityCount => entities.Length;

    public override void Send(int entity, int metric, double value)
        => shards[entity % shards.Length].Writer.TryWrite(new ShardedMessage(entities[entity], new TelemetryMessage(metric, value)));

    public void Dispose()
    {
        foreach (var shard in shards)
        {
            shard.Writer.TryComplete();
        }
    }

    private static async Task RunAsync(ChannelReader<ShardedMessage> reader)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                item.Entity.Apply(item.Message);
            }
        }
    }
}
