using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Grains;

/// <summary>The cheapest useful grain: what the runtime costs when the grain's own work is one addition.</summary>
public interface ITelemetrySinkGrain : IGrainWithStringKey
{
    [OneWay]
    Task Record(int metric, double value);

    /// <summary>How many records this activation applied; the request/response workload calls it.</summary>
    Task<int> Get();
}
