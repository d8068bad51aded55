using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Live;

/// <summary>
/// One subscription of one connection: what it follows and what is waiting to be pushed to it. Grain threads offer
/// changes (<see cref="OfferTwin"/>, <see cref="OfferAlert"/>); the connection's own loop takes them. The lock is per
/// subscription, so grain threads only contend when they change twins followed by the same subscription.
/// </summary>
internal sealed class LiveSubscription
{
    private readonly Lock gate = new();

    // The latest summary per twin id; null marks a twin removed from this subscription's view.
    private Dictionary<string, DeviceTwinSummary?> pendingTwins = new(StringComparer.Ordinal);
    private Dictionary<string, AlertSnapshot> pendingAlerts = new(StringComparer.Ordinal);
    private bool needsSnapshot = true;
    private volatile bool closed;

    public LiveSubscription(string id, LiveConnection connection, LiveScope scope, TwinFilter filter, string? twinId = null)
    {
        Id = id;
        Connection = connection;
        Scope = scope;
        Filter = filter;
        TwinId = twinId;
    }

    public string Id { get; }

    public LiveConnection Connection { get; }

    public LiveScope Scope { get; }

    /// <summary>Which twins the subscription shows; <see cref="TwinFilter.All"/> for alerts.</summary>
    public TwinFilter Filter { get; }

    /// <summary>For <see cref="LiveScope.Twin"/>: the one twin.</summary>
    public string? TwinId { get; }

    /// <summary>Grid cells the viewport is indexed under; empty when it is checked against every change.</summary>
    public IReadOnlyList<long> Cells { get; init; } = [];

    /// <summary>When the loop may push next (Stopwatch timestamp); only the connection's loop reads and writes it.</summary>
    public long NextPushAt { get; set; }

    public bool IsClosed => closed;

    public bool NeedsSnapshot
    {
        get
        {
            lock (gate)
            {
                return needsSnapshot;
            }
        }
    }

    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return pendingTwins.Count > 0 || pendingAlerts.Count > 0;
            }
        }
    }

    /// <param name="removed">The twin left this subscription's view (deleted, or moved out of it).</param>
    public void OfferTwin(DeviceTwinSummary twin, bool removed)
    {
        // A client that fell behind gets a snapshot; buffering for it meanwhile would only grow memory.
        if (Connection.IsBehind)
        {
            return;
        }

        bool added;
        bool first;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            var before = pendingTwins.Count;
            pendingTwins[twin.Id] = removed ? null : twin;
            added = pendingTwins.Count > before;
            first = before == 0;
        }

        Connection.OnPending(added ? 1 : 0, wake: first);
    }

    public void OfferAlert(AlertSnapshot alert)
    {
        if (Connection.IsBehind)
        {
            return;
        }

        bool added;
        bool first;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            var before = pendingAlerts.Count;
            pendingAlerts[alert.Id] = alert;
            added = pendingAlerts.Count > before;
            first = before == 0;
        }

        Connection.OnPending(added ? 1 : 0, wake: first);
    }

    /// <summary>Hands over what is pending and starts an empty buffer. The loop pushes it as one <c>deltas</c> (or <c>alerts</c>) message.</summary>
    public (List<DeviceTwinSummary> Changed, List<string> Removed, List<AlertSnapshot> Alerts) TakePending()
    {
        Dictionary<string, DeviceTwinSummary?> twins;
        Dictionary<string, AlertSnapshot> alerts;
        lock (gate)
        {
            twins = pendingTwins;
            alerts = pendingAlerts;
            pendingTwins = new Dictionary<string, DeviceTwinSummary?>(StringComparer.Ordinal);
            pendingAlerts = new Dictionary<string, AlertSnapshot>(StringComparer.Ordinal);
        }

        var changed = new List<DeviceTwinSummary>(twins.Count);
        var removed = new List<string>();
        foreach (var (id, twin) in twins)
        {
            if (twin is null)
            {
                removed.Add(id);
            }
            else
            {
                changed.Add(twin);
            }
        }

        Connection.OnTaken(twins.Count + alerts.Count);
        return (changed, removed, [.. alerts.Values]);
    }

    /// <summary>
    /// The loop is about to send a snapshot: what was pending is superseded by it. Returns <c>false</c> when no snapshot
    /// was due. Changes offered from now on are pushed as deltas after the snapshot.
    /// </summary>
    public bool BeginSnapshot()
    {
        int dropped;
        lock (gate)
        {
            if (!needsSnapshot)
            {
                return false;
            }

            needsSnapshot = false;
            dropped = pendingTwins.Count + pendingAlerts.Count;
            pendingTwins.Clear();
            pendingAlerts.Clear();
        }

        Connection.OnTaken(dropped);
        return true;
    }

    /// <summary>The client fell behind: drop what is pending; it gets a fresh snapshot instead.</summary>
    public void DropPending()
    {
        int dropped;
        lock (gate)
        {
            needsSnapshot = true;
            dropped = pendingTwins.Count + pendingAlerts.Count;
            pendingTwins.Clear();
            pendingAlerts.Clear();
        }

        Connection.OnTaken(dropped);
    }

    public void Close()
    {
        int dropped;
        lock (gate)
        {
            closed = true;
            dropped = pendingTwins.Count + pendingAlerts.Count;
            pendingTwins.Clear();
            pendingAlerts.Clear();
        }

        Connection.OnTaken(dropped);
    }
}
