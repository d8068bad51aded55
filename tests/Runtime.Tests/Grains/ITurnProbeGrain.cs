namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>Records how many of its turns overlap, and whether its code ever runs on two threads at once.</summary>
public interface ITurnProbeGrain : IGrainWithStringKey
{
    Task Work(int yields);

    [ReadOnly]
    Task ReadWaitingFor(string gate);

    Task WriteWaitingFor(string gate);

    [ReadOnly]
    Task<TurnReport> Report();
}
