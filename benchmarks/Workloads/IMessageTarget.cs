namespace SmartCity.Twin.Benchmarks.Workloads;

/// <summary>Where the one-way workload sends: the runtime's grains or a bare-channel baseline, driven by the same producers.</summary>
internal interface IMessageTarget
{
    string Name { get; }

    int EntityCount { get; }

    /// <summary>Called before the producers of a run start.</summary>
    void BeginRun();

    /// <summary>Sends one message to one entity; called concurrently by the producer threads.</summary>
    void Send(int entity, int metric, double value);

    /// <summary>Returns once every message of this run has been applied, or false after <paramref name="timeout"/>.</summary>
    Task<bool> WaitUntilAppliedAsync(long sent, TimeSpan timeout);
}
