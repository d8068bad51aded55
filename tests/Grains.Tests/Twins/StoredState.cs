using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Grains.Tests.Twins;

/// <summary>Reads a grain's stored state straight from the storage provider, to see what was written and when.</summary>
internal sealed class StoredState<TState> : IGrainState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
