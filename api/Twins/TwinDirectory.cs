using System.Collections.Concurrent;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Twins;

/// <summary>
/// The in-memory <see cref="ITwinDirectory"/>: the latest summary of every twin by id, kept current by the change feed
/// and filled from storage once at startup by <see cref="TwinDirectoryLoader"/>.
/// </summary>
/// <remarks>
/// <para>
/// Telemetry (100,000+ changes a second) only replaces a dictionary value. A twin that is new to the directory also
/// queues its id; the ordinal id order that keyset paging walks is an immutable array rebuilt, when a query finds it
/// stale, by merging the queued ids (sorted) into the previous array — never a sort of every id per request.
/// </para>
/// <para>
/// The feed wins over storage: the loader only adds a twin the feed has not already brought, and a twin removed while
/// the load runs is remembered so that its stale stored state cannot bring it back.
/// </para>
/// </remarks>
internal sealed class TwinDirectory : ITwinDirectory, ITwinObserver
{
    private readonly ConcurrentDictionary<string, DeviceTwinSummary> twins = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> added = new();
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock orderLock = new();
    private readonly Lock loadLock = new();
    private HashSet<string>? removedDuringLoad = new(StringComparer.Ordinal);
    private long changeVersion;
    private long orderVersion = -1;
    private string[] order = [];
    private volatile bool complete;

    public int Count => twins.Count;

    public Task Loaded => loaded.Task;

    public bool IsComplete => complete;

    public DeviceTwinSummary? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return twins.GetValueOrDefault(id);
    }

    public IReadOnlyList<DeviceTwinSummary> Query(TwinFilter filter, string? afterId, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var ids = CurrentOrder();
        var start = 0;
        if (afterId is not null)
        {
            var index = Array.BinarySearch(ids, afterId, StringComparer.Ordinal);
            start = index >= 0 ? index + 1 : ~index;
        }

        var page = new List<DeviceTwinSummary>(Math.Min(limit, 1024));
        for (var i = start; i < ids.Length && page.Count < limit; i++)
        {
            // An id still in the order but gone from the dictionary was removed since the order was built.
            if (twins.TryGetValue(ids[i], out var twin) && filter.Matches(twin))
            {
                page.Add(twin);
            }
        }

        return page;
    }

    public void OnDeviceChanged(DeviceTwinChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var twin = change.Twin;

        // Neither provisioned nor ever heard from (say, a connection-lost report reaching a twin just deleted): not a
        // twin anyone can read, so not one to list either — the same rule as the storage catalog and the locator.
        if (change.What == DeviceTwinChangeKind.Removed || (!twin.IsProvisioned && twin.LastSeen is null))
        {
            Remove(twin.Id);
            return;
        }

        // Changes of one twin arrive in order, so nothing else adds or removes this id between the two calls.
        if (twins.TryGetValue(twin.Id, out _))
        {
            twins[twin.Id] = twin;
            return;
        }

        twins[twin.Id] = twin;
        Added(twin.Id);
    }

    /// <summary>A twin read from storage at startup: added unless the feed already brought it or removed it meanwhile.</summary>
    internal void AddLoaded(DeviceTwinSummary twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        lock (loadLock)
        {
            if (removedDuringLoad?.Contains(twin.Id) == true || !twins.TryAdd(twin.Id, twin))
            {
                return;
            }
        }

        Added(twin.Id);
    }

    /// <summary>The startup load is over: <paramref name="readEverything"/>, or it failed part-way (or could not list at all).</summary>
    internal void CompleteLoad(bool readEverything)
    {
        lock (loadLock)
        {
            removedDuringLoad = null;
        }

        complete = readEverything;

        loaded.TrySetResult();
    }

    private void Remove(string id)
    {
        lock (loadLock)
        {
            removedDuringLoad?.Add(id);
            twins.TryRemove(id, out _);
        }

        // So the next query sheds the id from the order rather than skipping it forever.
        Interlocked.Increment(ref changeVersion);
    }

    private void Added(string id)
    {
        added.Enqueue(id);
        Interlocked.Increment(ref changeVersion);
    }

    private string[] CurrentOrder()
    {
        if (Volatile.Read(ref orderVersion) == Volatile.Read(ref changeVersion))
        {
            return Volatile.Read(ref order);
        }

        lock (orderLock)
        {
            // Read before draining: an id queued after this read also bumps the version, so the next query merges it.
            var version = Volatile.Read(ref changeVersion);
            if (orderVersion == version)
            {
                return order;
            }

            var fresh = new List<string>();
            while (added.TryDequeue(out var id))
            {
                fresh.Add(id);
            }

            fresh.Sort(StringComparer.Ordinal);
            var merged = Merge(order, fresh);
            Volatile.Write(ref order, merged);
            Volatile.Write(ref orderVersion, version);
            return merged;
        }
    }

    /// <summary>Both inputs in ordinal order; the result keeps only ids still present, each once.</summary>
    private string[] Merge(string[] previous, List<string> fresh)
    {
        var merged = new List<string>(previous.Length + fresh.Count);
        int i = 0, j = 0;
        string? last = null;
        while (i < previous.Length || j < fresh.Count)
        {
            string next;
            if (j >= fresh.Count || (i < previous.Length && string.CompareOrdinal(previous[i], fresh[j]) <= 0))
            {
                next = previous[i++];
            }
            else
            {
                next = fresh[j++];
            }

            if ((last is null || !string.Equals(last, next, StringComparison.Ordinal)) && twins.ContainsKey(next))
            {
                merged.Add(next);
                last = next;
            }
        }

        return merged.ToArray();
    }
}
