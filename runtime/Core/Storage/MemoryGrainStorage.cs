using System.Collections.Concurrent;

namespace SmartCity.Twin.Runtime.Storage;

/// <summary>
/// Grain storage in process memory, for tests and local runs. It behaves like the durable providers: state is stored
/// as JSON (so nothing is shared by reference and unserializable state fails here too) and ETags are checked the same way.
/// Clearing keeps a tombstone row with a fresh ETag, as the durable providers do.
/// </summary>
public sealed class MemoryGrainStorage : JsonRowGrainStorage
{
    private readonly ConcurrentDictionary<MemoryStateKey, MemoryStoredState> _rows = new();

    protected override Task<(string? Payload, string? ETag)> ReadRowAsync(string stateName, GrainId grainId)
        => Task.FromResult(_rows.TryGetValue(new MemoryStateKey(grainId, stateName), out var row) ? (row.Json, (string?)row.ETag) : ((string?)null, (string?)null));

    protected override Task<string> StoreRowAsync(string operation, string stateName, GrainId grainId, string? expectedEtag, string? payload)
        => Task.FromResult(Replace(stateName, grainId, expectedEtag, payload, operation));

    protected override IAsyncEnumerable<(string GrainKey, string Payload)> ReadRowsAsync(string stateName, string grainType, CancellationToken cancellationToken)
        => Rows(stateName, grainType, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<(string GrainKey, string Payload)> Rows(string stateName, string grainType, CancellationToken cancellationToken)
    {
        // Enumerating a ConcurrentDictionary is safe alongside writers: each row is seen as it was at some moment.
        foreach (var (key, row) in _rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Json is { } json && key.GrainId.Type == grainType && key.StateName == stateName)
            {
                yield return (key.GrainId.Key, json);
            }
        }
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
