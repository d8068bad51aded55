namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// A grain storage provider that can list what it holds, so that indexes over many grains (the twin directory, the
/// alert list) can be rebuilt at startup without activating every grain. Not part of Orleans; every provider of
/// ours implements it. Cleared states (tombstones) are not listed.
/// </summary>
public interface IGrainStateCatalog
{
    /// <summary>Every stored state named <paramref name="stateName"/> of grains of type <paramref name="grainType"/>, in no particular order, streamed.</summary>
    IAsyncEnumerable<StoredGrainState<TState>> ReadAllStatesAsync<TState>(string stateName, string grainType, CancellationToken cancellationToken = default);
}
