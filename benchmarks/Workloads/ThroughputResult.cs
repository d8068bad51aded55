namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>One timed run of a workload.</summary>
/// <param name="Operations">Messages applied or calls answered.</param>
/// <param name="Seconds">From the producers' start until the last one was applied (one-way) or the run ended (calls).</param>
/// <param name="SendSeconds">How long the producers took to hand all messages over (one-way only).</param>
/// <param name="AllocatedBytesPerOperation">All bytes allocated in the process during the run, per operation.</param>
/// <param name="WorkItemsPerOperation">Thread-pool work items run per operation: how often an entity had to be scheduled (1 = no batching).</param>
/// <param name="SendAllocatedBytesPerOperation">Bytes the producer threads allocated, per message: what a send costs the caller (one-way only).</param>
internal sealed record ThroughputResult(
    string Name,
    long Operations,
    double Seconds,
    double SendSeconds,
    double AllocatedBytesPerOperation,
    double SendAllocatedBytesPerOperation,
    int Gen0,
    int Gen1,
    int Gen2,
    double WorkItemsPerOperation)
{
    public double PerSecond => Operations / Seconds;
}
