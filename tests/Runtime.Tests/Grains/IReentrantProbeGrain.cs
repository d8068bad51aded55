namespace SmartCity.Twin.Runtime.Tests.Grains;

public interface IReentrantProbeGrain : IGrainWithStringKey
{
    Task Work(int yields);

    Task<TurnReport> Report();
}
