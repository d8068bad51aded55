using System.ComponentModel;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// Base of the providers that keep each grain state as one row: <see cref="GrainStateJson"/> text (null for a cleared
/// state's tombstone) and an ETag. It maps rows to <see cref="IGrainState{TState}"/> the same way for every provider;
/// a provider supplies only the row access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonRowGrainStorage : IGrainStorage
{
    /// <summary>The row's payload and ETag; both null when there is no row.</summary>
    protected abstract Task<(string? Payload, string? ETag)> ReadRowAsync(string stateName, GrainId grainId);

    /// <summary>
    /// Inserts the row (when <paramref name="expectedEtag"/> is null) or replaces it only if it still has
    /// <paramref name="expectedEtag"/>, atomically; a null <paramref name="payload"/> writes a tombstone. Returns the new
    /// ETag, or throws <see cref="InconsistentStateException.EtagMismatch"/>'s exception.
    /// </summary>
    protected abstract Task<string> StoreRowAsync(string operation, string stateName, GrainId grainId, string? expectedEtag, string? payload);

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var (payload, etag) = await ReadRowAsync(stateName, grainId).ConfigureAwait(false);
        grainState.State = payload is null ? GrainStateJson.CreateEmpty<TState>() : GrainStateJson.Deserialize<TState>(payload);
        grainState.ETag = etag;
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = GrainStateJson.Serialize(grainState.State);
        grainState.ETag = await StoreRowAsync("Write", stateName, grainId, grainState.ETag, payload).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        grainState.ETag = await StoreRowAsync("Clear", stateName, grainId, grainState.ETag, payload: null).ConfigureAwait(false);
        grainState.State = GrainStateJson.CreateEmpty<TState>();
        grainState.RecordExists = false;
    }
}
