using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Mqtt.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// The MQTT 3.1.1 and 5.0 server endpoint: socket listeners (plain and TLS), connections, sessions, the subscription
/// trie and retained messages. The twin plugs in through <see cref="IMqttClientAuthority"/>.
/// </summary>
/// <remarks>
/// Stopping the endpoint disconnects every client (v5: DISCONNECT 0x8B) without publishing their Wills. MQTT 5.0 3.1.2.5
/// lets the server choose; a silo restart is not a device failure, and firing every Will would mark every device offline
/// for the seconds it takes the silo to come back.
/// </remarks>
internal sealed class MqttEndpoint : IMqttBroker, IAsyncDisposable
{
    [ThreadStatic]
    private static List<MqttSubscription>? t_matches;

    [ThreadStatic]
    private static List<MqttSubscription>? t_distinct;

    private readonly IMqttClientAuthority _authority;
    private readonly ConcurrentDictionary<string, MqttSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MqttConnection, Task> _connections = new();
    private readonly Lock _sessionsGate = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private CancellationTokenSource? _stopping;
    private ITimer? _housekeeping;
    private int _connectedClients;
    private int _stopped;

    public MqttEndpoint(MqttEndpointOptions options, IMqttClientAuthority authority, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        Options = options;
        _authority = authority;
        Time = timeProvider;
        Logger = loggerFactory.CreateLogger("SmartCity.Twin.Gateways.Mqtt.Endpoint");
        Retained = new MqttRetainedStore(options.MaximumRetainedMessages);
    }

    public MqttEndpointOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public IMqttClientAuthority Authority => _authority;

    public MqttEndpointMetrics Metrics { get; } = new();

    public MqttSubscriptionTrie Subscriptions { get; } = new();

    public MqttRetainedStore Retained { get; }

    public X509Certificate2? Certificate { get; private set; }

    /// <summary>The bound plain TCP port (useful with <see cref="MqttEndpointOptions.Port"/> 0); -1 when disabled.</summary>
    public int Port { get; private set; } = -1;

    /// <summary>The bound TLS port; null without a certificate.</summary>
    public int? TlsPort { get; private set; }

    public int ConnectedClients => Volatile.Read(ref _connectedClients);

    /// <summary>Sessions held, connected or not.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Open network connections, including those that have not sent CONNECT yet.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Outbound QoS 1/2 messages of a session awaiting acknowledgement; -1 without a session (diagnostics, tests).</summary>
    public int SessionInflight(string clientId) => _sessions.TryGetValue(clientId, out var session) ? session.InflightCount : -1;

    /// <summary>Messages queued for a session; -1 without a session (diagnostics, tests).</summary>
    public int SessionPending(string clientId) => _sessions.TryGetValue(clientId, out var session) ? session.PendingCount : -1;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        var address = IPAddress.Parse(Options.BindAddress);
        if (Options.Port >= 0)
        {
            Port = Listen(address, Options.Port, tls: false);
        }

        if (!string.IsNullOrEmpty(Options.CertificatePath))
        {
            Certificate = LoadCertificate(Options.CertificatePath, Options.CertificatePassword);
            TlsPort = Listen(address, Options.TlsPort, tls: true);
        }

        var period = TimeSpan.FromTicks(Math.Clamp(Options.ConnectTimeout.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _housekeeping = Time.CreateTimer(_ => Housekeeping(), null, period, period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        if (_stopping is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        if (_housekeeping is not null)
        {
            await _housekeeping.DisposeAsync().ConfigureAwait(false);
        }

        var count = _connections.Count;
        foreach (var connection in _connections.Keys)
        {
            connection.Abort(MqttConnectionCloseReason.ServerShutdown, MqttReasonCode.ServerShuttingDown);
        }

        try
        {
            await Task.WhenAll(_connections.Values.Concat(_acceptLoops)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; connections finish on their own.
        }

        MqttEndpointLog.Stopped(Logger, count);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _stopping?.Dispose();
        Certificate?.Dispose();
    }

    /// <inheritdoc />
    public ValueTask<int> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        if (!MqttTopic.IsValidName(message.Topic))
        {
            throw new ArgumentException($"'{message.Topic}' is not a valid MQTT topic name.", nameof(message));
        }

        var routed = new MqttRoutedMessage
        {
            Topic = message.Topic,
            Payload = message.Payload.ToArray(),
            QualityOfService = message.QualityOfService,
            Retain = message.Retain,
            ResponseTopic = message.ResponseTopic,
            CorrelationData = message.CorrelationData.IsEmpty ? null : message.CorrelationData.ToArray(),
            ContentType = message.ContentType,
            ExpiresAtTimestamp = message.MessageExpiryInterval is { } expiry ? Time.GetTimestamp() + (long)(expiry.TotalSeconds * Time.TimestampFrequency) : null,
        };
        var matches = t_matches ??= [];
        matches.Clear();
        Subscriptions.Match(routed.Topic, matches);
        if (routed.Retain)
        {
            Retained.Set(routed);
        }

        return ValueTask.FromResult(Deliver(routed, matches));
    }

    // ---- routing ----

    /// <summary>Routes an accepted inbound PUBLISH (or Will); the payload is copied once, only when someone gets it.</summary>
    internal int Route(string topic, in ReadOnlySequence<byte> payload, MqttQualityOfService qos, bool retain, in MqttPublishMetadata metadata, MqttSession? publisher)
    {
        var matches = t_matches ??= [];
        matches.Clear();
        Subscriptions.Match(topic, matches);
        if (matches.Count == 0 && !retain)
        {
            return 0;
        }

        var message = new MqttRoutedMessage
        {
            Topic = topic,
            Payload = payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : payload.ToArray(),
            QualityOfService = qos,
            Retain = retain,
            PayloadFormatIndicator = metadata.PayloadFormatIndicator,
            ContentType = metadata.ContentType,
            ResponseTopic = metadata.ResponseTopic,
            CorrelationData = metadata.CorrelationData,
            UserProperties = metadata.UserProperties,
            ExpiresAtTimestamp = metadata.MessageExpiryInterval is { } expiry ? Time.GetTimestamp() + (expiry * Time.TimestampFrequency) : null,
            Publisher = publisher,
        };
        if (retain && !Retained.Set(message))
        {
            Metrics.MessageDropped();
        }

        return Deliver(message, matches);
    }

    /// <summary>
    /// Queues the message once per session: overlapping subscriptions of one session deliver once, at the highest
    /// granted QoS (MQTT-3.3.4-2 allows this; MQTT 3.1.1 3.3.5 asks for it).
    /// </summary>
    private int Deliver(MqttRoutedMessage message, List<MqttSubscription> matches)
    {
        if (matches.Count == 0)
        {
            return 0;
        }

        var distinct = t_distinct ??= [];
        distinct.Clear();
        foreach (var subscription in matches)
        {
            if (subscription.NoLocal && ReferenceEquals(subscription.Session, message.Publisher))
            {
                // v5 No Local (MQTT-3.8.3-3).
                continue;
            }

            var index = IndexOfSession(distinct, subscription.Session);
            if (index < 0)
            {
                distinct.Add(subscription);
            }
            else if (subscription.QualityOfService > distinct[index].QualityOfService
                || (subscription.RetainAsPublished && !distinct[index].RetainAsPublished))
            {
                distinct[index] = distinct[index] with
                {
                    QualityOfService = (MqttQualityOfService)Math.Max((byte)subscription.QualityOfService, (byte)distinct[index].QualityOfService),
                    RetainAsPublished = subscription.RetainAsPublished || distinct[index].RetainAsPublished,
                };
            }
        }

        var delivered = 0;
        foreach (var subscription in distinct)
        {
            var qos = (MqttQualityOfService)Math.Min((byte)subscription.QualityOfService, (byte)message.QualityOfService);

            // RETAIN is cleared for established subscriptions unless Retain As Published (MQTT-3.3.1-9, MQTT-3.3.1-12/13).
            var retain = message.Retain && subscription.RetainAsPublished;
            if (subscription.Session.Enqueue(new MqttDelivery(message, qos, retain)))
            {
                delivered++;
            }
        }

        distinct.Clear();
        matches.Clear();
        return delivered;
    }

    private static int IndexOfSession(List<MqttSubscription> distinct, MqttSession session)
    {
        // Fan-out per topic is small for device traffic; a linear scan beats hashing here.
        for (var i = 0; i < distinct.Count; i++)
        {
            if (ReferenceEquals(distinct[i].Session, session))
            {
                return i;
            }
        }

        return -1;
    }

    // ---- sessions ----

    /// <summary>
    /// Binds a connection to its session after CONNACK is decided: reuses a persistent one (Clean Start 0) or starts
    /// afresh, takes the session over from an older connection (MQTT-3.1.4-3), and cancels a delayed Will (MQTT-3.1.3-9).
    /// </summary>
    /// <returns>The session, or null when a new session would exceed <see cref="MqttEndpointOptions.MaximumSessions"/>.</returns>
    internal (MqttSession? Session, bool SessionPresent) AttachSession(MqttConnection connection, string clientId, bool cleanStart, uint expirySeconds)
    {
        MqttConnection? previous;
        MqttPendingWill? endedWill = null;
        MqttSession session;
        bool present;
        lock (_sessionsGate)
        {
            _sessions.TryGetValue(clientId, out var existing);
            if (existing is null && _sessions.Count >= Options.MaximumSessions)
            {
                return (null, false);
            }

            previous = existing?.Connection;
            if (existing is not null && cleanStart)
            {
                // A session that ends fires its delayed Will now (MQTT 5.0 3.1.3.2.2).
                endedWill = existing.PendingWill;
                DiscardSession(existing);
                existing = null;
            }

            present = existing is not null;
            session = existing ?? new MqttSession(clientId, Options.MaximumQueuedMessagesPerSession, Metrics);
            _sessions[clientId] = session;
            lock (session.Gate)
            {
                session.Connection = connection;
                session.ExpiryIntervalSeconds = expirySeconds;
                session.ExpiresAtTimestamp = null;
                session.PendingWill = null;
            }

            if (present)
            {
                // MQTT-4.4.0-1: unacknowledged PUBLISH and PUBREL are sent again, in order, DUP=1.
                session.PrepareResend();
            }
        }

        previous?.TakeOver(cleanStart);
        if (endedWill is not null)
        {
            _ = FireWillAsync(endedWill.Will, endedWill.Policy);
        }

        return (session, present);
    }

    internal void SetSessionExpiry(MqttSession session, uint expirySeconds)
    {
        lock (session.Gate)
        {
            session.ExpiryIntervalSeconds = expirySeconds;
        }
    }

    /// <summary>
    /// The connection ended: the session goes offline (or ends, with expiry 0), and the Will is published now or after
    /// its delay — whichever of Will Delay and session end comes first (MQTT 5.0 3.1.3.2.2).
    /// </summary>
    internal async Task DetachSessionAsync(MqttConnection connection, MqttSession session, MqttWill? will, IMqttClientPolicy policy)
    {
        var fireNow = false;
        lock (_sessionsGate)
        {
            var owner = false;
            lock (session.Gate)
            {
                if (ReferenceEquals(session.Connection, connection))
                {
                    owner = true;
                    session.Connection = null;
                }
            }

            var ended = false;
            if (owner)
            {
                if (session.ExpiryIntervalSeconds == 0)
                {
                    _sessions.TryRemove(new KeyValuePair<string, MqttSession>(session.ClientId, session));
                    DiscardSession(session);
                    ended = true;
                }
                else if (session.ExpiryIntervalSeconds != uint.MaxValue)
                {
                    session.ExpiresAtTimestamp = Time.GetTimestamp() + (session.ExpiryIntervalSeconds * Time.TimestampFrequency);
                }
            }

            if (will is not null)
            {
                if (will.DelaySeconds == 0 || ended || !owner)
                {
                    fireNow = true;
                }
                else
                {
                    var delay = Math.Min(will.DelaySeconds, session.ExpiryIntervalSeconds);
                    session.PendingWill = new MqttPendingWill(will, policy, Time.GetTimestamp() + (delay * Time.TimestampFrequency));
                }
            }
        }

        if (fireNow)
        {
            await FireWillAsync(will!, policy).ConfigureAwait(false);
        }
    }

    private void DiscardSession(MqttSession session)
    {
        foreach (var subscription in session.Subscriptions.Values.ToArray())
        {
            Subscriptions.Remove(session, subscription.Filter);
        }

        session.Clear();
    }

    /// <summary>Publishes a Will through the connection's policy, like any PUBLISH of that client (MQTT-3.1.2-8).</summary>
    private async Task FireWillAsync(MqttWill will, IMqttClientPolicy policy)
    {
        try
        {
            var payload = new ReadOnlySequence<byte>(will.Payload);
            var inbound = new MqttInboundPublish(will.Topic, payload, will.QualityOfService, will.Retain, IsWill: true, Time.GetUtcNow(), will.Metadata.ResponseTopic, will.Metadata.CorrelationData, will.Metadata.ContentType);
            var decision = await policy.AuthorizePublishAsync(inbound, CancellationToken.None).ConfigureAwait(false);
            if (!decision.IsAccepted)
            {
                Metrics.PublishRefused();
                return;
            }

            if (decision.RouteTopic is { } route)
            {
                Route(route, payload, will.QualityOfService, will.Retain, will.Metadata, publisher: null);
            }
        }
        catch (Exception exception)
        {
            MqttEndpointLog.PolicyFailed(Logger, policy.Identity, exception);
        }
    }

    // ---- connections ----

    internal void ClientConnected()
    {
        Interlocked.Increment(ref _connectedClients);
        Metrics.ConnectionAccepted();
    }

    internal void ClientDisconnected() => Interlocked.Decrement(ref _connectedClients);

    internal void Forget(MqttConnection connection) => _connections.TryRemove(connection, out _);

    private int Listen(IPAddress address, int port, bool tls)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            listener.DualMode = true;
        }

        try
        {
            listener.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            throw new IOException(
                $"MQTT port {port} is already in use (another MQTT broker, such as a mosquitto service?). "
                + $"Set Mqtt:{(tls ? "TlsPort" : "Port")} to a free port, or Mqtt:Port to -1 to turn the endpoint off; "
                + "to use that broker instead, set Mqtt:Bridge:Url.",
                e);
        }

        listener.Listen(1024);
        _listeners.Add(listener);
        MqttEndpointLog.Listening(Logger, listener.LocalEndPoint!, tls);
        _acceptLoops.Add(AcceptLoopAsync(listener, tls, _stopping!.Token));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    private async Task AcceptLoopAsync(Socket listener, bool tls, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                // Out of descriptors or a reset during accept: keep accepting.
                MqttEndpointLog.AcceptFailed(Logger, exception);
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (_connections.Count >= Options.MaximumConnections + 1024)
            {
                // Far beyond the connection limit even before CONNECT: refuse at the socket.
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var connection = new MqttConnection(this, socket, tls);
            var run = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connections[connection] = run.Task;
            _ = RunConnectionAsync(connection, run);
        }
    }

    private static async Task RunConnectionAsync(MqttConnection connection, TaskCompletionSource done)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            done.TrySetResult();
        }
    }

    /// <summary>Connect timeouts, keep-alive (1.5 × Keep Alive, MQTT-3.1.2-24), delayed Wills, session and retained expiry.</summary>
    private void Housekeeping()
    {
        try
        {
            var now = Time.GetTimestamp();
            foreach (var connection in _connections.Keys)
            {
                if (!connection.IsConnected)
                {
                    if (Time.GetElapsedTime(connection.AcceptedAt, now) > Options.ConnectTimeout)
                    {
                        connection.Abort(MqttConnectionCloseReason.ConnectionLost, null);
                    }
                }
                else if (connection.KeepAliveSeconds > 0
                    && Time.GetElapsedTime(connection.LastActivity, now).TotalSeconds > connection.KeepAliveSeconds * 1.5)
                {
                    connection.Abort(MqttConnectionCloseReason.KeepAliveTimeout, MqttReasonCode.KeepAliveTimeout);
                }
            }

            List<MqttPendingWill>? dueWills = null;
            lock (_sessionsGate)
            {
                foreach (var session in _sessions.Values)
                {
                    if (session.Connection is not null)
                    {
                        continue;
                    }

                    if (session.PendingWill is { } will && (will.FireAtTimestamp <= now || session.ExpiresAtTimestamp <= now))
                    {
                        (dueWills ??= []).Add(will);
                        session.PendingWill = null;
                    }

                    if (session.ExpiresAtTimestamp is { } expiresAt && expiresAt <= now)
                    {
                        _sessions.TryRemove(new KeyValuePair<string, MqttSession>(session.ClientId, session));
                        DiscardSession(session);
                    }
                }
            }

            if (dueWills is not null)
            {
                foreach (var will in dueWills)
                {
                    _ = FireWillAsync(will.Will, will.Policy);
                }
            }

            Retained.RemoveExpired(now);
        }
        catch (Exception exception)
        {
            MqttEndpointLog.HousekeepingFailed(Logger, exception);
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string? passwordOrKeyPath)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, passwordOrKeyPath);
        }

        // PEM: the password setting names the key file (or the key is in the same file).
        return X509Certificate2.CreateFromPemFile(path, passwordOrKeyPath);
    }
}
