namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>A target whose entities report each applied message to <see cref="AppliedCounter"/>.</summary>
internal abstract class CountedTarget : IMessageTarget
{
    private long appliedAtStart;

    public abstract string Name { get; }

    public abstract int EntityCount { get; }

    public abstract void Send(int entity, int metric, double value);

    public void BeginRun() => appliedAtStart = AppliedCounter.Total;

    public Task<bool> WaitUntilAppliedAsync(long sent, TimeSpan timeout)
    {
        var target = appliedAtStart + sent;
        if (!AppliedCounter.WaitFor(target, timeout))
        {
            return Task.FromResult(false);
        }

        // Exactly once: more applied than sent would be a delivery bug, and would inflate the rate.
        var applied = AppliedCounter.Total;
        return applied == target
            ? Task.FromResult(true)
            : throw new InvalidOperationException($"{Name}: {applied - appliedAtStart:N0} messages applied, {sent:N0} sent.");
    }
}
