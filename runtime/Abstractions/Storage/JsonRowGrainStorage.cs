using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// Base of the providers that keep each grain state as one row: <see cref="GrainStateJson"/> text (null for a cleared
/// state's tombstone) and an ETag. It maps rows to <see cref="IGrainState{TState}"/> the same way for every provider;
/// a provider supplies only the row access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonRowGrainStorage : IGrainStorage, IGrainStateCatalog
{
    /// <summary>The row's payload and ETag; both null when there is no row.</summary>
    protected abstract Task<(string? Payload, string? ETag)> ReadRowAsync(string stateName, GrainId grainId);

    /// <summary>
    /// Inserts the row (when <paramref name="expectedEtag"/> is null) or replaces it only if it still has
    /// <paramref name="expectedEtag"/>, atomically; a null <paramref name="payload"/> writes a tombstone. Returns the new
    /// ETag, or throws <see cref="InconsistentStateException.EtagMismatch"/>'s exception.
    /// </summary>
    protected abstract Task<string> StoreRowAsync(string operation, string stateName, GrainId grainId, string? expectedEtag, string? payload);

    /// <summary>
    /// The key and payload of every row of <paramref name="grainType"/> named <paramref name="stateName"/> that is not a
    /// tombstone, streamed as the store returns them so that a million rows never sit in one list.
    /// </summary>
    protected abstract IAsyncEnumerable<(string GrainKey, string Payload)> ReadRowsAsync(string stateName, string grainType, CancellationToken cancellationToken);

    public async IAsyncEnumerable<StoredGrainState<TState>> ReadAllStatesAsync<TState>(
        string stateName,
        string grainType,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainType);
        await foreach (var (key, payload) in ReadRowsAsync(stateName, grainType, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredGrainState<TState>(new GrainId(grainType, key), GrainStateJson.Deserialize<TState>(payload));
        }
    }

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
