using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Benchmarks.Grains;

internal sealed class IdleGrain : Grain, IIdleGrain
{
    public Task Ping() => Task.CompletedTask;
}
