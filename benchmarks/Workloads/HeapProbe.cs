using System.Runtime.CompilerServices;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>Live managed heap size after full, compacting, blocking collections: what survives, not what was allocated.</summary>
internal static class HeapProbe
{
    public static long LiveBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The size of one instance of <paramref name="type"/> on the heap, header included, measured by allocating one without running its constructor.</summary>
    public static long InstanceSize(Type type)
    {
        _ = RuntimeHelpers.GetUninitializedObject(type);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        var size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(instance);
        return size;
    }
}
