using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Grains;

/// <summary>A grain with no state of its own, to measure what an idle activation costs the runtime.</summary>
public interface IIdleGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain; request/response so the caller knows the activation finished.</summary>
    Task Ping();
}
