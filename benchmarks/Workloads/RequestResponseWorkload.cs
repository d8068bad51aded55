using System.Diagnostics;
using SmartCity.Twin.Benchmarks.Grains;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>
/// Closed loop: a fixed number of callers, each awaiting one call at a time to grains taken round robin, for a fixed
/// time. Calls per second is then what the runtime sustains with that many calls outstanding.
/// </summary>
internal static class RequestResponseWorkload
{
    public static async Task<ThroughputResult> RunAsync(ITelemetrySinkGrain[] grains, int callers, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var counts = new long[callers];
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var clock = Stopwatch.StartNew();
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            tasks[c] = Task.Run(async () =>
            {
                var index = caller % grains.Length;
                long count = 0;
                while (!stop.IsCancellationRequested)
                {
                    await grains[index].Get();
                    count++;
                    index = index + callers < grains.Length ? index + callers : (index + callers) % grains.Length;
                }

                counts[caller] = count;
            });
        }

        stop.CancelAfter(duration);
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var calls = counts.Sum();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new ThroughputResult(
            "runtime: request/response ITelemetrySinkGrain.Get",
            calls,
            seconds,
            0,
            (double)bytes / calls,
            0,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            (double)(ThreadPool.CompletedWorkItemCount - workItems) / calls);
    }
}
