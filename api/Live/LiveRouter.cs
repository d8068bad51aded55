using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Observation;

namespace SmartCity.Twin.Api.Live;

/// <summary>
/// Routes every twin and alert change to the live subscriptions it concerns. Subscriptions are indexed by twin id,
/// district, kind and viewport grid cell in copy-on-write arrays: the grain threads that call
/// <see cref="OnDeviceChanged"/> read them without locks and only touch the buffers of matching subscriptions.
/// Subscribing and unsubscribing (rare) take one lock and replace arrays.
/// </summary>
internal sealed class LiveRouter : ITwinObserver, IAlertObserver
{
    private static readonly int KindCount = Enum.GetValues<DeviceKind>().Length;

    private readonly LiveOptions options;
    private readonly IHubContext<TwinHub> hub;
    private readonly LiveSnapshots snapshots;
    private readonly ILogger<LiveRouter> logger;
    private readonly LiveGrid grid;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, LiveConnection> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveSubscription[]> byTwin = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveSubscription[]> byDistrict = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, LiveSubscription[]> byCell = new();
    private readonly ConcurrentDictionary<string, LiveTwinPlace> places = new(StringComparer.Ordinal);
    private readonly LiveSubscription[][] byKind;
    private LiveSubscription[] wideViewports = [];
    private LiveSubscription[] alerts = [];

    // Every subscription that follows twins by place or kind: told when a re-provisioned twin moves out of its view.
    private LiveSubscription[] placed = [];
    private readonly HashSet<LiveSubscription> indexed = [];
    private int twinSubscriptions;
    private long nextId;

    public LiveRouter(IOptions<LiveOptions> options, IHubContext<TwinHub> hub, LiveSnapshots snapshots, ILogger<LiveRouter> logger)
    {
        this.options = options.Value;
        this.options.Validate();
        this.hub = hub;
        this.snapshots = snapshots;
        this.logger = logger;
        grid = new LiveGrid(this.options.ViewportCellDegrees, this.options.MaxCellsPerViewport);
        byKind = new LiveSubscription[KindCount][];
        Array.Fill(byKind, []);
    }

    public void Connect(string connectionId)
    {
        var connection = new LiveConnection(connectionId, options, hub.Clients, snapshots, logger);
        if (connections.TryAdd(connectionId, connection))
        {
            connection.Start();
        }
    }

    public async Task DisconnectAsync(string connectionId)
    {
        if (!connections.TryRemove(connectionId, out var connection))
        {
            return;
        }

        foreach (var subscription in connection.Subscriptions)
        {
            Unindex(subscription);
        }

        await connection.StopAsync();
    }

    /// <summary>Adds a subscription for the connection; its snapshot follows. <see cref="HubException"/> when the connection has too many.</summary>
    public LiveSubscription Subscribe(string connectionId, LiveScope scope, TwinFilter filter, string? twinId = null)
    {
        var connection = Connection(connectionId);
        if (scope == LiveScope.Bounds)
        {
            // The map's viewport: a new one replaces the old.
            foreach (var previous in connection.Subscriptions.Where(s => s.Scope == LiveScope.Bounds))
            {
                Unsubscribe(connection, previous);
            }
        }

        if (connection.Subscriptions.Count >= options.MaxSubscriptionsPerConnection)
        {
            throw new HubException(
                $"A connection holds at most {options.MaxSubscriptionsPerConnection} subscriptions; call Unsubscribe(subscriptionId) for one you no longer need.");
        }

        var id = $"{scope.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref nextId)}";
        var subscription = new LiveSubscription(id, connection, scope, filter, twinId)
        {
            Cells = filter.Bounds is { } bounds ? grid.CellsOf(bounds) : [],
        };
        Index(subscription);
        connection.Add(subscription);
        LiveLog.Subscribed(logger, connectionId, id, scope);
        return subscription;
    }

    /// <summary><c>false</c> when the connection has no such subscription.</summary>
    public bool Unsubscribe(string connectionId, string subscriptionId)
    {
        var connection = Connection(connectionId);
        if (connection.Find(subscriptionId) is not { } subscription)
        {
            return false;
        }

        Unsubscribe(connection, subscription);
        return true;
    }

    public void OnDeviceChanged(DeviceTwinChange change)
    {
        var twin = change.Twin;
        var removed = change.What == DeviceTwinChangeKind.Removed;
        LiveTwinPlace? before = null;
        if (change.What is DeviceTwinChangeKind.Provisioned or DeviceTwinChangeKind.Loaded or DeviceTwinChangeKind.Removed)
        {
            before = TrackPlace(twin, removed);
        }

        if (Volatile.Read(ref twinSubscriptions) == 0)
        {
            return;
        }

        if (before is { } old && change.What == DeviceTwinChangeKind.Provisioned
            && (!string.Equals(old.DistrictId, twin.DistrictId, StringComparison.Ordinal) || old.Location != twin.Location))
        {
            OfferMovedOut(twin);
        }

        if (byTwin.TryGetValue(twin.Id, out var followers))
        {
            Offer(followers, twin, removed);
        }

        if (twin.DistrictId is { } district && byDistrict.TryGetValue(district, out var inDistrict))
        {
            Offer(inDistrict, twin, removed);
        }

        Offer(Volatile.Read(ref byKind[(int)twin.Kind]), twin, removed);

        if (twin.Location is { } location)
        {
            if (byCell.TryGetValue(grid.CellOf(location), out var viewports))
            {
                OfferInside(viewports, twin, location, removed);
            }

            OfferInside(Volatile.Read(ref wideViewports), twin, location, removed);
        }
    }

    public void OnAlertChanged(AlertSnapshot alert)
    {
        foreach (var subscription in Volatile.Read(ref alerts))
        {
            subscription.OfferAlert(alert);
        }
    }

    private static void Offer(LiveSubscription[] subscriptions, DeviceTwinSummary twin, bool removed)
    {
        foreach (var subscription in subscriptions)
        {
            subscription.OfferTwin(twin, removed);
        }
    }

    private static void OfferInside(LiveSubscription[] viewports, DeviceTwinSummary twin, Grains.Geography.GeoPoint location, bool removed)
    {
        foreach (var viewport in viewports)
        {
            if (viewport.Filter.Bounds is { } bounds && bounds.Contains(location))
            {
                viewport.OfferTwin(twin, removed);
            }
        }
    }

    /// <summary>A re-provisioned twin moved: subscriptions that no longer match it are told it left their view.</summary>
    private void OfferMovedOut(DeviceTwinSummary twin)
    {
        foreach (var subscription in Volatile.Read(ref placed))
        {
            if (!subscription.Filter.Matches(twin))
            {
                subscription.OfferTwin(twin, removed: true);
            }
        }
    }

    private LiveTwinPlace? TrackPlace(DeviceTwinSummary twin, bool removed)
    {
        if (removed)
        {
            return places.TryRemove(twin.Id, out var gone) ? gone : null;
        }

        var place = new LiveTwinPlace(twin.DistrictId, twin.Location);
        LiveTwinPlace? old = null;
        places.AddOrUpdate(twin.Id, place, (_, previous) =>
        {
            old = previous;
            return place;
        });
        return old;
    }

    private LiveConnection Connection(string connectionId) =>
        connections.TryGetValue(connectionId, out var connection)
            ? connection
            : throw new HubException("This connection is closing; connect again to subscribe.");

    private void Unsubscribe(LiveConnection connection, LiveSubscription subscription)
    {
        Unindex(subscription);
        connection.Remove(subscription);
    }

    private void Index(LiveSubscription subscription)
    {
        lock (gate)
        {
            if (!indexed.Add(subscription))
            {
                return;
            }

            switch (subscription.Scope)
            {
                case LiveScope.Alerts:
                    alerts = [.. alerts, subscription];
                    return;
                case LiveScope.Twin:
                    Add(byTwin, subscription.TwinId!, subscription);
                    break;
                case LiveScope.District:
                    Add(byDistrict, subscription.Filter.DistrictId!, subscription);
                    break;
                case LiveScope.Kind:
                    var kind = (int)subscription.Filter.Kind!.Value;
                    byKind[kind] = [.. byKind[kind], subscription];
                    break;
                case LiveScope.Bounds when subscription.Cells.Count == 0:
                    wideViewports = [.. wideViewports, subscription];
                    break;
                case LiveScope.Bounds:
                    foreach (var cell in subscription.Cells)
                    {
                        Add(byCell, cell, subscription);
                    }

                    break;
            }

            if (subscription.Scope != LiveScope.Twin)
            {
                placed = [.. placed, subscription];
            }

            twinSubscriptions++;
        }
    }

    private void Unindex(LiveSubscription subscription)
    {
        lock (gate)
        {
            if (!indexed.Remove(subscription))
            {
                return;
            }

            if (subscription.Scope == LiveScope.Alerts)
            {
                alerts = Without(alerts, subscription);
                return;
            }

            switch (subscription.Scope)
            {
                case LiveScope.Twin:
                    Remove(byTwin, subscription.TwinId!, subscription);
                    break;
                case LiveScope.District:
                    Remove(byDistrict, subscription.Filter.DistrictId!, subscription);
                    break;
                case LiveScope.Kind:
                    var kind = (int)subscription.Filter.Kind!.Value;
                    byKind[kind] = Without(byKind[kind], subscription);
                    break;
                case LiveScope.Bounds:
                    wideViewports = Without(wideViewports, subscription);
                    foreach (var cell in subscription.Cells)
                    {
                        Remove(byCell, cell, subscription);
                    }

                    break;
            }

            placed = Without(placed, subscription);
            twinSubscriptions--;
        }
    }

    private static void Add<TKey>(ConcurrentDictionary<TKey, LiveSubscription[]> index, TKey key, LiveSubscription subscription)
        where TKey : notnull
        => index[key] = index.TryGetValue(key, out var existing) ? [.. existing, subscription] : [subscription];

    private static void Remove<TKey>(ConcurrentDictionary<TKey, LiveSubscription[]> index, TKey key, LiveSubscription subscription)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var existing))
        {
            return;
        }

        var remaining = Without(existing, subscription);
        if (remaining.Length == 0)
        {
            index.TryRemove(key, out _);
        }
        else
        {
            index[key] = remaining;
        }
    }

    private static LiveSubscription[] Without(LiveSubscription[] subscriptions, LiveSubscription subscription) =>
        [.. subscriptions.Where(s => !ReferenceEquals(s, subscription))];
}
