using SmartCity.Twin.Benchmarks.Grains;
using SmartCity.Twin.Benchmarks.Hosting;
using SmartCity.Twin.Benchmarks.Workloads;

namespace SmartCity.Twin.Benchmarks.Memory;

/// <summary>(c) What an idle activation of a stateless grain keeps alive.</summary>
internal static class IdleActivationMemory
{
    private const int Batch = 4096;

    public static async Task<IdleMemoryResult> MeasureAsync(int count)
    {
        await using var silo = await BenchmarkSilo.StartAsync();

        // Warm-up: JIT, the directory's first growth, the catalog binding, so the measured delta is per activation only.
        await ActivateAsync(Enumerable.Range(0, 1000).Select(i => silo.Grains.GetGrain<IIdleGrain>("warm-" + i)).ToArray());

        // Keys are the application's (a device id exists whether or not its grain is active): made before measuring.
        var keys = Enumerable.Range(0, count).Select(i => "idle-" + i.ToString("D7")).ToArray();
        var empty = HeapProbe.LiveBytes();

        var references = new IIdleGrain[count];
        for (var i = 0; i < count; i++)
        {
            references[i] = silo.Grains.GetGrain<IIdleGrain>(keys[i]);
        }

        var withReferences = HeapProbe.LiveBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await ActivateAsync(references);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        
        // Drop the references: what remains is what the runtime holds for activations nobody is calling.
        Array.Clear(references);
        references = null;
        var activationsOnly = HeapProbe.LiveBytes();
        GC.KeepAlive(keys);

        return new IdleMemoryResult(
            count,
            (double)(activationsOnly - empty) / count,
            HeapProbe.InstanceSize(typeof(IdleGrain)),
            (double)(withReferences - empty) / count,
            (double)allocated / count);
    }

    private static async Task ActivateAsync(IIdleGrain[] grains)
    {
        var pending = new List<Task>(Batch);
        foreach (var grain in grains)
        {
            pending.Add(grain.Ping());
            if (pending.Count == Batch)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }
}
