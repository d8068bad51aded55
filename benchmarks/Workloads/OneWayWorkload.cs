using System.Diagnostics;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>
/// Producer threads sending round-robin across all entities of a target, as fast as they can (open loop), then
/// waiting until every message is applied. The same code drives the grains and the baselines.
/// </summary>
internal static class OneWayWorkload
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ThroughputResult> RunAsync(IMessageTarget target, long messages, int producers)
    {
        var threads = new Thread[producers];
        using var go = new ManualResetEventSlim();
        using var done = new CountdownEvent(producers);
        long sendAllocated = 0;
        for (var p = 0; p < producers; p++)
        {
            var producer = p;
            threads[p] = new Thread(() =>
            {
                go.Wait();
                var before = GC.GetAllocatedBytesForCurrentThread();
                Produce(target, messages, producers, producer);
                Interlocked.Add(ref sendAllocated, GC.GetAllocatedBytesForCurrentThread() - before);
                done.Signal();
            })
            {
                IsBackground = true,
                Name = "producer-" + p,
            };
            threads[p].Start();
        }

        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var workItems = ThreadPool.CompletedWorkItemCount;
        target.BeginRun();
        var clock = Stopwatch.StartNew();
        go.Set();
        await Task.Run(done.Wait);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        if (!await target.WaitUntilAppliedAsync(messages, DrainTimeout))
        {
            throw new TimeoutException($"{target.Name}: not every message was applied within {DrainTimeout}.");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new ThroughputResult(
            target.Name,
            messages,
            seconds,
            sendSeconds,
            (double)bytes / messages,
            (double)Interlocked.Read(ref sendAllocated) / messages,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            (double)(ThreadPool.CompletedWorkItemCount - workItems) / messages);
    }

    /// <summary>Producer <paramref name="producer"/> sends messages producer, producer + producers, …; message i goes to entity i mod entities.</summary>
    private static void Produce(IMessageTarget target, long messages, int producers, int producer)
    {
        var entities = target.EntityCount;
        var entity = producer % entities;
        var step = producers % entities;
        for (var i = (long)producer; i < messages; i += producers)
        {
            target.Send(entity, (int)(i & 7), i & 1023);
            entity += step;
            if (entity >= entities)
            {
                entity -= entities;
            }
        }
    }
}
