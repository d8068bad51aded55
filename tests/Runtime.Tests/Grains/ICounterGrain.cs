namespace SmartCity.Twin.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    [ReadOnly]
    Task<int> Get();

    Task<Guid> GetActivationId();

    [OneWay]
    Task Add(int amount);

    Task Deactivate();
}
