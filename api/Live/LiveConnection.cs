using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Live;

/// <summary>
/// One hub connection: its subscriptions and the loop that pushes to it. Grain threads only mark twins pending and
/// wake the loop; the loop alone sends, so a client that reads slowly delays nobody but itself. When, while a send to it
/// is under way, its backlog passes <see cref="LiveOptions.MaxPendingPerConnection"/> or the send has not completed
/// within <see cref="LiveOptions.StallTimeout"/>, it falls behind: pending deltas are dropped and every subscription
/// gets a fresh snapshot once the client reads again.
/// </summary>
internal sealed class LiveConnection
{
    private readonly LiveOptions options;
    private readonly IHubClients clients;
    private readonly LiveSnapshots snapshots;
    private readonly ILogger logger;
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stop = new();
    private readonly long pushIntervalTicks;
    private readonly long stallTicks;
    private readonly Lock subscriptionsGate = new();
    private LiveSubscription[] subscriptions = [];
    private int signaled;
    private int pending;
    private int behind;
    private long sendStartedAt;
    private Task loop = Task.CompletedTask;

    public LiveConnection(string connectionId, LiveOptions options, IHubClients clients, LiveSnapshots snapshots, ILogger logger)
    {
        ConnectionId = connectionId;
        this.options = options;
        this.clients = clients;
        this.snapshots = snapshots;
        this.logger = logger;
        pushIntervalTicks = (long)(options.PushInterval.TotalSeconds * Stopwatch.Frequency);
        stallTicks = (long)(options.StallTimeout.TotalSeconds * Stopwatch.Frequency);
    }

    public string ConnectionId { get; }

    public bool IsBehind => Volatile.Read(ref behind) != 0;

    public IReadOnlyList<LiveSubscription> Subscriptions => Volatile.Read(ref subscriptions);

    public void Start() => loop = Task.Run(() => RunAsync(stop.Token));

    public void Add(LiveSubscription subscription)
    {
        // The first snapshot waits a moment so that it follows the Subscribe invocation's result on the wire.
        subscription.NextPushAt = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 200);
        lock (subscriptionsGate)
        {
            subscriptions = [.. subscriptions, subscription];
        }

        Wake();
    }

    public LiveSubscription? Find(string subscriptionId)
    {
        foreach (var subscription in Volatile.Read(ref subscriptions))
        {
            if (string.Equals(subscription.Id, subscriptionId, StringComparison.Ordinal))
            {
                return subscription;
            }
        }

        return null;
    }

    public void Remove(LiveSubscription subscription)
    {
        lock (subscriptionsGate)
        {
            subscriptions = [.. subscriptions.Where(s => !ReferenceEquals(s, subscription))];
        }

        subscription.Close();
    }

    /// <summary>Called by a subscription on a grain thread after it buffered a change; must stay cheap.</summary>
    public void OnPending(int added, bool wake)
    {
        var total = added > 0 ? Interlocked.Add(ref pending, added) : Volatile.Read(ref pending);
        var startedAt = Volatile.Read(ref sendStartedAt);
        if (startedAt != 0)
        {
            // Only a client the loop is still sending to can fall behind: between pushes the buffers hold at most one
            // entry per twin the subscriptions show, however fast the twins change.
            if (total > options.MaxPendingPerConnection)
            {
                FallBehind(LiveFallBehindReason.Backlog);
                return;
            }

            if (Stopwatch.GetTimestamp() - startedAt > stallTicks)
            {
                FallBehind(LiveFallBehindReason.Stalled);
                return;
            }
        }

        if (wake)
        {
            Wake();
        }
    }

    public void OnTaken(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref pending, -count);
        }
    }

    /// <summary>Stops the loop (cancelling a send in progress) and drops every subscription.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        LiveSubscription[] closing;
        lock (subscriptionsGate)
        {
            closing = subscriptions;
            subscriptions = [];
        }

        foreach (var subscription in closing)
        {
            subscription.Close();
        }

        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting or sending.
        }

        stop.Dispose();
        wake.Dispose();
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref signaled, 1) == 0)
        {
            try
            {
                wake.Release();
            }
            catch (ObjectDisposedException)
            {
                // The connection closed while a grain thread was offering it a change.
            }
        }
    }

    private void FallBehind(LiveFallBehindReason reason)
    {
        if (Interlocked.CompareExchange(ref behind, 1, 0) != 0)
        {
            return;
        }

        foreach (var subscription in Volatile.Read(ref subscriptions))
        {
            subscription.DropPending();
        }

        LiveLog.FellBehind(logger, ConnectionId, reason);
        Wake();
    }

    private async Task RunAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Volatile.Write(ref signaled, 0);
            var wait = Timeout.InfiniteTimeSpan;
            foreach (var subscription in Volatile.Read(ref subscriptions))
            {
                if (subscription.IsClosed)
                {
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                var due = subscription.NextPushAt;
                var needsSnapshot = subscription.NeedsSnapshot;
                if (!needsSnapshot && !subscription.HasPending)
                {
                    continue;
                }

                if (now < due)
                {
                    var untilDue = Stopwatch.GetElapsedTime(now, due);
                    wait = wait == Timeout.InfiniteTimeSpan || untilDue < wait ? untilDue : wait;
                    continue;
                }

                try
                {
                    if (needsSnapshot)
                    {
                        // From here on changes are buffered again; those the snapshot already shows come twice, harmlessly.
                        Interlocked.Exchange(ref behind, 0);
                        if (subscription.BeginSnapshot())
                        {
                            await SendSnapshotAsync(subscription, cancellation);
                        }
                    }
                    else
                    {
                        await SendPendingAsync(subscription, cancellation);
                    }
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A failed send means the connection is going away; its disconnect stops this loop.
                    LiveLog.SendFailed(logger, exception, ConnectionId, subscription.Id);
                }

                // Changes offered meanwhile wake the loop again; they wait for this.
                subscription.NextPushAt = Stopwatch.GetTimestamp() + pushIntervalTicks;
            }

            await wake.WaitAsync(wait, cancellation);
        }
    }

    private async Task SendSnapshotAsync(LiveSubscription subscription, CancellationToken cancellation)
    {
        var client = clients.Client(ConnectionId);
        if (subscription.Scope == LiveScope.Alerts)
        {
            await snapshots.AlertsLoaded.WaitAsync(cancellation);
            var open = snapshots.OpenAlerts();
            await SendAsync(client.SendAsync(LiveMessages.Alerts, subscription.Id, open, true, cancellation));
            return;
        }

        // Right after a restart the directory is still reading storage; changes meanwhile wait as deltas.
        await snapshots.TwinsLoaded.WaitAsync(cancellation);
        var twins = snapshots.Twins(subscription);
        await SendAsync(client.SendAsync(LiveMessages.Snapshot, subscription.Id, twins, cancellation));
    }

    private async Task SendPendingAsync(LiveSubscription subscription, CancellationToken cancellation)
    {
        var (changed, removed, alerts) = subscription.TakePending();
        var client = clients.Client(ConnectionId);
        if (subscription.Scope == LiveScope.Alerts)
        {
            if (alerts.Count > 0)
            {
                await SendAsync(client.SendAsync(LiveMessages.Alerts, subscription.Id, alerts, false, cancellation));
            }

            return;
        }

        if (changed.Count > 0 || removed.Count > 0)
        {
            await SendAsync(client.SendAsync(LiveMessages.Deltas, subscription.Id, changed, removed, cancellation));
        }
    }

    /// <summary>Marks the send in progress, so grain threads can see a client that stopped reading.</summary>
    private async Task SendAsync(Task send)
    {
        if (send.IsCompleted)
        {
            await send;
            return;
        }

        Volatile.Write(ref sendStartedAt, Stopwatch.GetTimestamp());
        try
        {
            await send;
        }
        finally
        {
            Volatile.Write(ref sendStartedAt, 0);
        }
    }
}
