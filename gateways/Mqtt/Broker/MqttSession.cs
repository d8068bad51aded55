using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// Server-side session state of one client identifier (MQTT 5.0 4.1): subscriptions, messages queued for the client,
/// outbound QoS 1/2 in flight and inbound QoS 2 packet identifiers awaiting PUBREL. Survives the connection when the
/// session is persistent. Everything mutable is guarded by <see cref="Gate"/>; publishers only take it briefly to enqueue.
/// </summary>
internal sealed class MqttSession(string clientId, int maximumQueuedMessages, MqttEndpointMetrics metrics)
{
    private readonly Queue<MqttDelivery> _pending = new();
    private readonly Dictionary<ushort, MqttInflightMessage> _inflight = [];
    private readonly Queue<MqttInflightMessage> _resend = new();
    private ushort _lastPacketId;
    private long _sequence;
    private volatile int _pendingCount;

    public string ClientId { get; } = clientId;

    public Lock Gate { get; } = new();

    /// <summary>Granted subscriptions by effective filter; changed only by the owning connection's receive loop.</summary>
    public Dictionary<string, MqttSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Inbound QoS 2 packet identifiers whose PUBREC was sent and PUBREL not yet received (MQTT 5.0 4.3.3).</summary>
    public HashSet<ushort> IncomingQos2 { get; } = [];

    /// <summary>The connection currently attached; null while the client is offline. Guarded by <see cref="Gate"/>.</summary>
    public MqttConnection? Connection { get; set; }

    /// <summary>Session Expiry Interval in seconds; <see cref="uint.MaxValue"/> never expires.</summary>
    public uint ExpiryIntervalSeconds { get; set; }

    /// <summary>When an offline session ends, as a TimeProvider timestamp; null while connected or never.</summary>
    public long? ExpiresAtTimestamp { get; set; }

    /// <summary>A v5 Will waiting for its Will Delay Interval; cancelled if the session is reconnected (MQTT-3.1.3-9).</summary>
    public MqttPendingWill? PendingWill { get; set; }

    /// <summary>The session ended (clean start, expiry); a connection still holding it must not add to it.</summary>
    public bool IsDiscarded { get; private set; }

    public int PendingCount
    {
        get
        {
            lock (Gate)
            {
                return _pending.Count;
            }
        }
    }

    public int InflightCount
    {
        get
        {
            lock (Gate)
            {
                return _inflight.Count;
            }
        }
    }

    /// <summary>
    /// Queues a message for the client and wakes its writer. QoS 0 is not kept for an offline client and is dropped when
    /// the queue is full; for QoS 1/2 the oldest queued message makes room. Returns whether the message was queued.
    /// </summary>
    public bool Enqueue(in MqttDelivery delivery)
    {
        // A full queue drops QoS 0 without taking the lock, so a flood into a slow subscriber does not convoy on it.
        if (delivery.QualityOfService == MqttQualityOfService.AtMostOnce && _pendingCount >= maximumQueuedMessages)
        {
            metrics.MessageDropped();
            return false;
        }

        MqttConnection? connection;
        lock (Gate)
        {
            connection = Connection;
            if (delivery.QualityOfService == MqttQualityOfService.AtMostOnce && connection is null)
            {
                return false;
            }

            if (_pending.Count >= maximumQueuedMessages)
            {
                if (delivery.QualityOfService == MqttQualityOfService.AtMostOnce || _pending.Count == 0)
                {
                    metrics.MessageDropped();
                    return false;
                }

                _pending.Dequeue();
                metrics.MessageDropped();
            }

            _pending.Enqueue(delivery);
            _pendingCount = _pending.Count;
        }

        connection?.SignalOutput();
        return true;
    }

    /// <summary>
    /// Takes up to <paramref name="batch"/>.Length messages to write: first resends after a reconnect (DUP=1, or PUBREL),
    /// then queued messages while the in-flight window (the client's Receive Maximum) allows. Expired messages are dropped.
    /// </summary>
    public int TakeOutgoing(Span<MqttOutgoing> batch, int inflightLimit, long now, MqttConnection owner)
    {
        var count = 0;
        lock (Gate)
        {
            if (!ReferenceEquals(Connection, owner))
            {
                // Taken over: the new connection resends what is in flight.
                return 0;
            }

            while (count < batch.Length && _resend.TryDequeue(out var resend))
            {
                var packetId = FindPacketId(resend);
                if (packetId != 0)
                {
                    batch[count++] = new MqttOutgoing(resend.Delivery, packetId, Duplicate: true, IsRelease: resend.Released);
                }
            }

            while (count < batch.Length && _pending.TryPeek(out var delivery))
            {
                if (delivery.QualityOfService != MqttQualityOfService.AtMostOnce && _inflight.Count >= inflightLimit)
                {
                    break;
                }

                _pending.Dequeue();
                _pendingCount = _pending.Count;
                if (delivery.Message.ExpiresAtTimestamp is { } expiresAt && expiresAt <= now)
                {
                    metrics.MessageDropped();
                    continue;
                }

                ushort id = 0;
                if (delivery.QualityOfService != MqttQualityOfService.AtMostOnce)
                {
                    id = NextPacketId();
                    _inflight[id] = new MqttInflightMessage(delivery, ++_sequence);
                }

                batch[count++] = new MqttOutgoing(delivery, id, Duplicate: false, IsRelease: false);
            }
        }

        return count;
    }

    /// <summary>Whether anything is waiting that the window would let through.</summary>
    public bool HasOutgoing(int inflightLimit)
    {
        lock (Gate)
        {
            return _resend.Count > 0 || (_pending.TryPeek(out var next) && (next.QualityOfService == MqttQualityOfService.AtMostOnce || _inflight.Count < inflightLimit));
        }
    }

    /// <summary>PUBACK, PUBCOMP, or a failed PUBREC: the message is done. False for an unknown packet identifier.</summary>
    public bool CompleteInflight(ushort packetId)
    {
        lock (Gate)
        {
            return _inflight.Remove(packetId);
        }
    }

    /// <summary>PUBREC: from now on only PUBCOMP is awaited, and a reconnect resends PUBREL instead of PUBLISH.</summary>
    public bool ReleaseInflight(ushort packetId)
    {
        lock (Gate)
        {
            if (_inflight.TryGetValue(packetId, out var message) && message.Delivery.QualityOfService == MqttQualityOfService.ExactlyOnce)
            {
                message.Released = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>On reconnect of a persistent session: queue every unacknowledged message for resending in original order.</summary>
    public void PrepareResend()
    {
        lock (Gate)
        {
            _resend.Clear();
            foreach (var message in _inflight.Values.OrderBy(m => m.Sequence))
            {
                _resend.Enqueue(message);
            }
        }
    }

    /// <summary>Adds messages (retained ones for a new subscription) behind what is already queued.</summary>
    public void EnqueueRange(List<MqttDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            Enqueue(delivery);
        }
    }

    /// <summary>Forgets everything (clean start or expiry); subscriptions must be taken out of the trie by the caller.</summary>
    public void Clear()
    {
        lock (Gate)
        {
            IsDiscarded = true;
            _pending.Clear();
            _pendingCount = 0;
            _inflight.Clear();
            _resend.Clear();
            IncomingQos2.Clear();
            Subscriptions.Clear();
            PendingWill = null;
        }
    }

    private ushort FindPacketId(MqttInflightMessage message)
    {
        foreach (var (id, candidate) in _inflight)
        {
            if (ReferenceEquals(candidate, message))
            {
                return id;
            }
        }

        return 0;
    }

    private ushort NextPacketId()
    {
        // Skips 0 (MQTT-2.2.1-3) and identifiers still in flight (MQTT-2.2.1-2).
        do
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
        }
        while (_inflight.ContainsKey(_lastPacketId));

        return _lastPacketId;
    }
}
