using System.Runtime.InteropServices;

namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>
/// Counts applied messages across all grains and entities. One cell per thread, written only by its thread: a
/// shared Interlocked counter would bounce one cache line between the two cores on every message and distort the
/// very thing measured. Readers sum the cells; the total only grows, so workloads wait for a delta.
/// </summary>
internal static class AppliedCounter
{
    private static readonly List<Cell> Cells = [];

    [ThreadStatic]
    private static Cell? local;

    public static void Increment()
    {
        var cell = local ?? Register();
        Volatile.Write(ref cell.Value, cell.Value + 1);
    }

    public static long Total
    {
        get
        {
            lock (Cells)
            {
                long total = 0;
                foreach (var cell in Cells)
                {
                    total += Volatile.Read(ref cell.Value);
                }

                return total;
            }
        }
    }

    /// <summary>Polls until <paramref name="target"/> is reached; false on timeout (a lost message is a bug to report, not to wait on forever).</summary>
    public static bool WaitFor(long target, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Total < target)
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }

    private static Cell Register()
    {
        var cell = new Cell();
        lock (Cells)
        {
            Cells.Add(cell);
        }

        local = cell;
        return cell;
    }

    /// <summary>128 bytes with the value in the middle, so two threads' cells never share a cache line.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private sealed class Cell
    {
        [FieldOffset(64)]
        public long Value;
    }
}
