namespace SmartCity.Twin.Simulators.Load;

/// <summary>Latencies in milliseconds one probe saw during the measuring window, and their percentiles.</summary>
internal sealed class LatencySamples
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return milliseconds.Count;
            }
        }
    }

    /// <summary>All of <paramref name="parts"/>' samples together, e.g. every hub client's of a benchmark.</summary>
    public static LatencySamples Combine(IEnumerable<LatencySamples> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new LatencySamples();
        foreach (var part in parts)
        {
            lock (part.gate)
            {
                all.milliseconds.AddRange(part.milliseconds);
            }
        }

        return all;
    }

    public void Add(double latencyMilliseconds)
    {
        lock (gate)
        {
            milliseconds.Add(latencyMilliseconds);
        }
    }

    /// <summary>The percentiles of what was added so far; <see cref="LatencyPercentiles.None"/> without samples.</summary>
    public LatencyPercentiles Percentiles()
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. milliseconds];
        }

        if (sorted.Length == 0)
        {
            return LatencyPercentiles.None;
        }

        Array.Sort(sorted);
        return new LatencyPercentiles(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1]);
    }

    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    private static double Rank(double[] sorted, double percent)
    {
        var index = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
