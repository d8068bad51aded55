using System.Collections.Concurrent;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// Grain storage in process memory, for tests and local runs. It behaves like the durable providers: state is stored
/// as JSON (so nothing is shared by reference and unserializable state fails here too) and ETags are checked the same way.
/// Clearing keeps a tombstone row with a fresh ETag, as the durable providers do.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<MemoryStateKey, MemoryStoredState> _rows = new();

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_rows.TryGetValue(new MemoryStateKey(grainId, stateName), out var row))
        {
            grainState.State = row.Json is null ? GrainStateJson.CreateEmpty<TState>() : GrainStateJson.Deserialize<TState>(row.Json);
            grainState.ETag = row.ETag;
            grainState.RecordExists = row.Json is not null;
        }
        else
        {
            grainState.State = GrainStateJson.CreateEmpty<TState>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var json = GrainStateJson.Serialize(grainState.State);
        var etag = Replace(stateName, grainId, grainState.ETag, json, "Write");
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var etag = Replace(stateName, grainId, grainState.ETag, json: null, "Clear");
        grainState.State = GrainStateJson.CreateEmpty<TState>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Replace(string stateName, GrainId grainId, string? expectedEtag, string? json, string operation)
    {
        var key = new MemoryStateKey(grainId, stateName);
        var replacement = new MemoryStoredState(json, Guid.NewGuid().ToString("N"));
        if (expectedEtag is null)
        {
            if (!_rows.TryAdd(key, replacement))
            {
                throw InconsistentStateException.EtagMismatch(operation, stateName, grainId, CurrentEtag(key), null);
            }

            return replacement.ETag;
        }

        // Compare-and-swap on the row object: a concurrent writer that replaced it makes TryUpdate fail.
        if (!_rows.TryGetValue(key, out var current) || current.ETag != expectedEtag || !_rows.TryUpdate(key, replacement, current))
        {
            throw InconsistentStateException.EtagMismatch(operation, stateName, grainId, CurrentEtag(key), expectedEtag);
        }

        return replacement.ETag;
    }

    private string? CurrentEtag(MemoryStateKey key) => _rows.TryGetValue(key, out var row) ? row.ETag : null;
}
