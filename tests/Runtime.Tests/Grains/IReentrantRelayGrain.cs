namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>A reentrant grain that, after a gate opens, calls back into a grain further up its call chain.</summary>
public interface IReentrantRelayGrain : IGrainWithStringKey
{
    Task CallBackAfter(string gate, string callerKey);

    Task Touch();
}
