namespace SmartCity.Twin.Runtime.Tests.Grains;

/// <summary>Grains that call each other, to provoke call cycles and timeouts.</summary>
public interface IPingPongGrain : IGrainWithStringKey
{
    /// <summary>Calls the grains named in <paramref name="path"/> in turn, each waiting for the next.</summary>
    Task<string> Relay(string[] path, int index);

    Task Hang();

    /// <summary>Calls a reentrant relay that calls back into this grain once <paramref name="gate"/> opens.</summary>
    Task CallThroughReentrant(string relayKey, string gate);

    Task Fail(string message);
}
