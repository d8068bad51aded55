namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>The bookkeeping both probe grains share.</summary>
public sealed class TurnProbe
{
    private int inProgress;
    private int executing;

    public int MaxTurnsInProgress { get; private set; }

    public int ParallelExecutions { get; private set; }

    public int Completed { get; private set; }

    public void Begin()
    {
        inProgress++;
        MaxTurnsInProgress = Math.Max(MaxTurnsInProgress, inProgress);
    }

    public void End()
    {
        inProgress--;
        Completed++;
    }

    /// <summary>Runs a synchronous stretch of grain code and notices if another thread is inside one too.</summary>
    public void Segment()
    {
        if (Interlocked.Increment(ref executing) != 1)
        {
            ParallelExecutions++;
        }

        Thread.SpinWait(200);
        Interlocked.Decrement(ref executing);
    }

    public TurnReport Report() => new(MaxTurnsInProgress, ParallelExecutions, Completed);
}
