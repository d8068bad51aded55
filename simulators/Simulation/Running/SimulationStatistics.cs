using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>What a <see cref="SimulationRunner"/> has done so far; read from any thread while it runs.</summary>
internal sealed class SimulationStatistics
{
    private readonly long[] sentByKind = new long[Enum.GetValues<DeviceMessageKind>().Length];
    private long refused;
    private long failed;
    private string? lastError;

    // UTC ticks: a DateTimeOffset is two words and could be read half-written by the thread showing progress.
    private long simulatedNowTicks;

    /// <summary>Messages the twin accepted.</summary>
    public long Sent => sentByKind.Sum(n => Interlocked.Read(ref n));

    /// <summary>Messages the twin refused (bad payload, not authorized).</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Messages the transport could not deliver.</summary>
    public long Failed => Interlocked.Read(ref failed);

    public string? LastError => Volatile.Read(ref lastError);

    /// <summary>Simulated time reached.</summary>
    public DateTimeOffset SimulatedNow
    {
        get => new(Interlocked.Read(ref simulatedNowTicks), TimeSpan.Zero);
        internal set => Interlocked.Exchange(ref simulatedNowTicks, value.UtcTicks);
    }

    public long SentOf(DeviceMessageKind kind) => Interlocked.Read(ref sentByKind[(int)kind]);

    internal void CountSent(DeviceMessageKind kind) => Interlocked.Increment(ref sentByKind[(int)kind]);

    internal void CountRefused(string error)
    {
        Interlocked.Increment(ref refused);
        Volatile.Write(ref lastError, error);
    }

    internal void CountFailed(string error)
    {
        Interlocked.Increment(ref failed);
        Volatile.Write(ref lastError, error);
    }
}
