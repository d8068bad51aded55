using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Client;

/// <summary>
/// One MQTT 3.1.1 or 5.0 client connection over TCP or TLS: CONNECT, keep-alive, SUBSCRIBE, PUBLISH at QoS 0/1/2 with
/// awaitable acknowledgements, inbound PUBLISH with the acknowledgement flows, DISCONNECT. Packets are encoded and decoded
/// by the shared codec in <c>Protocol/</c>; this class owns the transport, packet identifiers and flow control.
/// </summary>
/// <remarks>
/// Writes go into an in-memory pipe drained by one send loop, so concurrent publishers are batched into few socket
/// writes (what makes pipelined QoS 1 fast) while the pipe's pause threshold gives backpressure. A connection does not
/// outlive its socket: reconnecting (and resending what a persistent session still owes) is the caller's job.
/// </remarks>
internal sealed class MqttClientConnection : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly MqttClientMessageHandler? _handler;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly Pipe _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly Dictionary<ushort, MqttPendingOperation> _pending = [];

    // Inbound QoS 2 packet identifiers between PUBREC and PUBREL: a resent PUBLISH with one of them is not delivered twice.
    private readonly HashSet<ushort> _inboundExactlyOnce = [];
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Set before DISCONNECT goes out: the server may then close the socket before <see cref="_closed"/> is set, and that is no failure.</summary>
    private volatile bool _disconnecting;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<MqttConnectResult> _connAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SemaphoreSlim _inFlight;
    private ushort _nextPacketIdentifier;
    private long _lastSendTicks;
    private long _pingSentTicks;
    private Task? _sendLoop;
    private Task? _receiveLoop;
    private Task? _keepAliveLoop;
    private int _disposed;

    private MqttClientConnection(MqttClientOptions options, MqttClientMessageHandler? handler, Socket socket, Stream stream)
    {
        _options = options;
        _handler = handler;
        _socket = socket;
        _stream = stream;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024));

        // Writers pause above 128 KiB queued: backpressure for publishers faster than the network, without letting
        // thousands of connections each buffer megabytes.
        _output = new Pipe(new PipeOptions(pauseWriterThreshold: 128 * 1024, resumeWriterThreshold: 64 * 1024, useSynchronizationContext: false));
        _inFlight = new SemaphoreSlim(Math.Max(1, options.MaximumInFlight));
    }

    public MqttProtocolVersion Version => _options.Version;

    /// <summary>Whether the server resumed an existing session (its subscriptions and queued messages are still there).</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>The client identifier in use: the one asked for, or the one a v5 server assigned.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>v5 Receive Maximum of the server: its limit on our QoS 1/2 publishes in flight (65,535 when not sent, and for 3.1.1).</summary>
    public ushort ServerReceiveMaximum { get; private set; } = ushort.MaxValue;

    /// <summary>The reason the server gave in DISCONNECT (v5), once it sent one.</summary>
    public MqttReasonCode? ServerDisconnectReason { get; private set; }

    /// <summary>Completes when the connection has ended, for whatever reason; faults with the cause when it broke.</summary>
    public Task Completion => _completion.Task;

    public bool IsConnected => !_closed.IsCancellationRequested;

    /// <summary>
    /// Connects, sends CONNECT and waits for CONNACK. Throws <see cref="MqttConnectException"/> when the server refuses
    /// (including <see cref="MqttReasonCode.UnsupportedProtocolVersion"/> from a 3.1.1-only server asked for v5).
    /// </summary>
    /// <param name="handler">Receives inbound PUBLISH packets; <c>null</c> acknowledges and drops them.</param>
    public static async Task<MqttClientConnection> ConnectAsync(MqttClientOptions options, MqttClientMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        MqttClientConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                tls.TargetHost ??= options.Host;
                await ssl.AuthenticateAsClientAsync(tls, timeout.Token);
            }

            connection = new MqttClientConnection(options, handler, socket, stream);
            connection.Start();
            await connection.SendConnectAsync(timeout.Token);
            var result = await connection._connAck.Task.WaitAsync(timeout.Token);
            if ((byte)result.ReasonCode >= 0x80)
            {
                throw new MqttConnectException(result.ReasonCode, result.Reason);
            }

            connection.Accept(result);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(connection, socket);
            throw new TimeoutException($"MQTT connect to {options.Host}:{options.Port} timed out after {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch
        {
            await DisposeQuietlyAsync(connection, socket);
            throw;
        }
    }

    /// <summary>
    /// Publishes one message. QoS 0 completes once the packet is queued for sending (returns <see cref="MqttReasonCode.Success"/>);
    /// QoS 1 on PUBACK and QoS 2 on PUBCOMP, with the server's reason code (always success in 3.1.1, which has none).
    /// At most <see cref="MqttClientOptions.MaximumInFlight"/> QoS 1/2 publishes are in flight; further ones wait.
    /// </summary>
    public async ValueTask<MqttReasonCode> PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce,
        bool retain = false,
        CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (qualityOfService == MqttQualityOfService.AtMostOnce)
        {
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                ThrowIfClosed();
                WritePublish(_output.Writer, topic, payload, qualityOfService, retain, packetIdentifier: 0, duplicate: false);
                await FlushAsync(cancellationToken);
            }
            finally
            {
                _writeLock.Release();
            }

            return MqttReasonCode.Success;
        }

        await _inFlight.WaitAsync(cancellationToken);
        if (_closed.IsCancellationRequested)
        {
            throw new MqttClientException("The MQTT connection is closed.", Completion.Exception?.InnerException);
        }

        var pending = MqttPendingOperation.ForPublish(qualityOfService);
        ushort packetIdentifier;
        try
        {
            packetIdentifier = Register(pending);
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                ThrowIfClosed();
                WritePublish(_output.Writer, topic, payload, qualityOfService, retain, packetIdentifier, duplicate: false);
                await FlushAsync(cancellationToken);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch
        {
            // Never sent: the identifier and the in-flight slot are free again. (Once sent, only the acknowledgement or the
            // end of the connection frees them, so the slot stays taken even if the caller stops waiting.)
            Unregister(pending);
            throw;
        }

        return await pending.Publish!.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Subscribes to one topic filter; returns the granted QoS as a reason code (0x00–0x02), or the failure (≥ 0x80).</summary>
    public async Task<MqttReasonCode> SubscribeAsync(string topicFilter, MqttQualityOfService qualityOfService, CancellationToken cancellationToken = default)
    {
        var codes = await SubscribeAsync([(topicFilter, qualityOfService)], cancellationToken);
        return codes.Length > 0 ? codes[0] : MqttReasonCode.UnspecifiedError;
    }

    /// <summary>Subscribes to several topic filters in one SUBSCRIBE; returns one reason code per filter, in order.</summary>
    public Task<MqttReasonCode[]> SubscribeAsync(IReadOnlyList<(string TopicFilter, MqttQualityOfService QualityOfService)> filters, CancellationToken cancellationToken = default)
    {
        var subscriptions = new MqttTopicSubscription[filters.Count];
        for (var i = 0; i < subscriptions.Length; i++)
        {
            subscriptions[i] = new MqttTopicSubscription(filters[i].TopicFilter, new MqttSubscriptionOptions(filters[i].QualityOfService));
        }

        return SubscribeAsync(subscriptions, cancellationToken);
    }

    /// <summary>
    /// Subscribes with full v5 subscription options (No Local, Retain As Published, Retain Handling); 3.1.1 sends only
    /// the QoS. Returns one reason code per filter, in order.
    /// </summary>
    public async Task<MqttReasonCode[]> SubscribeAsync(MqttTopicSubscription[] subscriptions, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var pending = MqttPendingOperation.ForSubscribe();
        var packetIdentifier = Register(pending);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            MqttPacketWriter.WriteSubscribe(_output.Writer, _options.Version, packetIdentifier, subscriptions);
            await FlushAsync(cancellationToken);
        }
        catch
        {
            Unregister(pending);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }

        return await pending.Subscribe!.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends DISCONNECT and closes the connection. The server discards the Will unless <paramref name="reasonCode"/> is
    /// <see cref="MqttReasonCode.DisconnectWithWillMessage"/> (v5 only); a persistent session stays on the server.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default, MqttReasonCode reasonCode = MqttReasonCode.Success)
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!_closed.IsCancellationRequested)
            {
                _disconnecting = true;
                WriteDisconnect(_output.Writer, reasonCode);
                await _output.Writer.FlushAsync(cancellationToken);

                // Let the send loop put everything queued, DISCONNECT last, on the wire before the socket closes.
                await _output.Writer.CompleteAsync();
                if (_sendLoop is not null)
                {
                    await _sendLoop.WaitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }

        Close(null);
    }

    /// <summary>Closes the socket without DISCONNECT, as a crash or a cut cable would: the server publishes the Will.</summary>
    public void Abort() => Close(new MqttClientException("The connection was aborted."));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Close(null);
        foreach (var loop in (Task?[])[_sendLoop, _receiveLoop, _keepAliveLoop])
        {
            if (loop is not null)
            {
                try
                {
                    await loop;
                }
                catch (Exception)
                {
                    // The loops end with the socket; their failures are reported through Completion.
                }
            }
        }
    }

    private static async Task DisposeQuietlyAsync(MqttClientConnection? connection, Socket socket)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        else
        {
            socket.Dispose();
        }
    }

    private void Start()
    {
        _lastSendTicks = Environment.TickCount64;
        _sendLoop = SendLoopAsync();
        _receiveLoop = ReceiveLoopAsync();
    }

    private void Accept(MqttConnectResult result)
    {
        SessionPresent = result.SessionPresent;
        ClientId = result.AssignedClientId ?? _options.ClientId;
        if (result.ReceiveMaximum is { } receiveMaximum && receiveMaximum < _options.MaximumInFlight)
        {
            // The server allows fewer QoS 1/2 in flight than we planned: never exceed its Receive Maximum (MQTT-4.9.0-2).
            ServerReceiveMaximum = receiveMaximum;
            _inFlight = new SemaphoreSlim(receiveMaximum);
        }

        var keepAlive = result.ServerKeepAlive ?? _options.KeepAlive;
        if (keepAlive > TimeSpan.Zero)
        {
            _keepAliveLoop = KeepAliveLoopAsync(keepAlive);
        }
    }

    private async Task SendConnectAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            WriteConnect(_output.Writer, _options);
            await FlushAsync(_closed.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Hands what was written to the send loop, waiting while more than the pause threshold is queued. The caller's token
    /// may cancel that wait (the packet stays queued); closing needs no token, because the send loop completes the pipe
    /// when it stops, which ends any waiting flush.
    /// </summary>
    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastSendTicks, Environment.TickCount64);
        FlushResult result;
        try
        {
            result = await _output.Writer.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            throw new MqttClientException("The MQTT connection is closed.");
        }

        if (result.IsCompleted || result.IsCanceled)
        {
            throw new MqttClientException("The MQTT connection is closed.");
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment, _closed.Token);
                }

                if (!buffer.IsEmpty)
                {
                    await _stream.FlushAsync(_closed.Token);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            await reader.CompleteAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            await reader.CompleteAsync(ex);
            Close(_closed.IsCancellationRequested ? null : new MqttClientException("Sending to the MQTT server failed.", ex));
        }
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                var consumed = buffer.Start;
                try
                {
                    while (true)
                    {
                        var status = MqttFrameReader.TryReadFrame(buffer.Slice(consumed), _options.MaximumPacketSize, out var frame);
                        if (status == MqttFrameStatus.Incomplete)
                        {
                            break;
                        }

                        if (status != MqttFrameStatus.Complete)
                        {
                            throw new MqttClientException($"The MQTT server sent a {(status == MqttFrameStatus.TooLarge ? "too large" : "malformed")} packet.");
                        }

                        // The handler may keep the payload (a slice of this buffer) until it completes, so nothing is
                        // released before the packet is fully handled.
                        await HandlePacketAsync(frame);
                        consumed = frame.End;
                    }
                }
                finally
                {
                    _input.AdvanceTo(consumed, buffer.End);
                }

                if (result.IsCompleted)
                {
                    failure = _closed.IsCancellationRequested || _disconnecting ? null : new MqttClientException("The MQTT server closed the connection.");
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // Closed locally.
        }
        catch (Exception ex)
        {
            failure = ex is MqttClientException ? ex : new MqttClientException("The MQTT connection failed.", ex);
        }

        await _input.CompleteAsync();
        _connAck.TrySetException(failure ?? new MqttClientException("The MQTT connection closed before CONNACK."));
        Close(failure);
    }

    private async Task KeepAliveLoopAsync(TimeSpan keepAlive)
    {
        var keepAliveMs = (long)keepAlive.TotalMilliseconds;
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var now = Environment.TickCount64;
                var pingSent = Volatile.Read(ref _pingSentTicks);
                if (pingSent != 0 && now - pingSent >= keepAliveMs)
                {
                    // No PINGRESP within a keep-alive period: the server or the path is gone (MQTT 3.1.1 3.1.2.10).
                    Close(new MqttClientException("The MQTT server did not answer PINGREQ."));
                    return;
                }

                var idle = now - Volatile.Read(ref _lastSendTicks);
                if (idle >= keepAliveMs && pingSent == 0)
                {
                    Volatile.Write(ref _pingSentTicks, now);
                    await _writeLock.WaitAsync(_closed.Token);
                    try
                    {
                        WritePingRequest(_output.Writer);
                        await FlushAsync(_closed.Token);
                    }
                    finally
                    {
                        _writeLock.Release();
                    }

                    continue;
                }

                var wait = pingSent != 0 ? keepAliveMs - (now - pingSent) : keepAliveMs - idle;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(wait, 50)), _closed.Token);
            }
        }
        catch (Exception)
        {
            // Closed (or closing): the receive loop reports why.
        }
    }

    private async ValueTask HandlePacketAsync(MqttFrame frame)
    {
        switch (frame.PacketType)
        {
            case MqttPacketType.ConnAck:
                _connAck.TrySetResult(DecodeConnAck(frame));
                break;
            case MqttPacketType.Publish:
                await HandlePublishAsync(frame);
                break;
            case MqttPacketType.PubAck:
            {
                var (packetIdentifier, reasonCode) = DecodeAcknowledgement(frame);
                Complete(packetIdentifier, MqttPacketType.PubAck, reasonCode);
                break;
            }

            case MqttPacketType.PubRec:
            {
                var (packetIdentifier, reasonCode) = DecodeAcknowledgement(frame);
                if ((byte)reasonCode >= 0x80)
                {
                    // The server refused the QoS 2 message: the exchange ends here (MQTT 5.0 4.3.3).
                    Complete(packetIdentifier, MqttPacketType.PubRec, reasonCode);
                    break;
                }

                var known = false;
                lock (_pendingLock)
                {
                    if (_pending.TryGetValue(packetIdentifier, out var pending) && pending.Awaiting == MqttPacketType.PubRec)
                    {
                        pending.Awaiting = MqttPacketType.PubComp;
                        known = true;
                    }
                }

                // PUBREL also for an identifier we no longer know, so that the server can free it (v5: with 0x92).
                await SendAcknowledgementAsync(MqttPacketType.PubRel, packetIdentifier, known ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound);
                break;
            }

            case MqttPacketType.PubComp:
            {
                var (packetIdentifier, reasonCode) = DecodeAcknowledgement(frame);
                Complete(packetIdentifier, MqttPacketType.PubComp, reasonCode);
                break;
            }

            case MqttPacketType.PubRel:
            {
                var (packetIdentifier, _) = DecodeAcknowledgement(frame);
                bool known;
                lock (_pendingLock)
                {
                    known = _inboundExactlyOnce.Remove(packetIdentifier);
                }

                // A PUBREL for an identifier we do not hold comes from a session resumed on a new connection: the message
                // was delivered before, so PUBCOMP completes it either way.
                await SendAcknowledgementAsync(MqttPacketType.PubComp, packetIdentifier, known || _options.Version == MqttProtocolVersion.V311 ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound);
                break;
            }

            case MqttPacketType.SubAck:
            {
                var (packetIdentifier, codes) = DecodeSubAck(frame);
                MqttPendingOperation? pending;
                lock (_pendingLock)
                {
                    if (_pending.Remove(packetIdentifier, out pending) && pending.Subscribe is null)
                    {
                        throw new MqttClientException($"The MQTT server sent SUBACK for packet {packetIdentifier}, which is a PUBLISH.");
                    }
                }

                pending?.Subscribe!.TrySetResult(codes);
                break;
            }

            case MqttPacketType.PingResp:
                Volatile.Write(ref _pingSentTicks, 0);
                break;
            case MqttPacketType.Disconnect:
                ServerDisconnectReason = DecodeDisconnect(frame);
                throw new MqttClientException($"The MQTT server disconnected: {ServerDisconnectReason} (0x{(byte)ServerDisconnectReason:X2}).");
            case MqttPacketType.UnsubAck:
                break;
            default:
                throw new MqttClientException($"The MQTT server sent {frame.PacketType}, which a server never sends.");
        }
    }

    private async ValueTask HandlePublishAsync(MqttFrame frame)
    {
        var publish = DecodePublish(frame);
        var qos = publish.Message.QualityOfService;
        var deliver = true;
        if (qos == MqttQualityOfService.ExactlyOnce)
        {
            lock (_pendingLock)
            {
                // Already received and not yet released: a resend after a lost PUBREC, not a new message (MQTT 4.3.3).
                deliver = _inboundExactlyOnce.Add(publish.PacketIdentifier);
            }
        }

        if (deliver && _handler is not null)
        {
            try
            {
                await _handler(publish.Message, _closed.Token);
            }
            catch
            {
                if (qos == MqttQualityOfService.ExactlyOnce)
                {
                    lock (_pendingLock)
                    {
                        _inboundExactlyOnce.Remove(publish.PacketIdentifier);
                    }
                }

                throw;
            }
        }

        switch (qos)
        {
            case MqttQualityOfService.AtLeastOnce:
                await SendAcknowledgementAsync(MqttPacketType.PubAck, publish.PacketIdentifier, MqttReasonCode.Success);
                break;
            case MqttQualityOfService.ExactlyOnce:
                await SendAcknowledgementAsync(MqttPacketType.PubRec, publish.PacketIdentifier, MqttReasonCode.Success);
                break;
        }
    }

    private async ValueTask SendAcknowledgementAsync(MqttPacketType type, ushort packetIdentifier, MqttReasonCode reasonCode)
    {
        await _writeLock.WaitAsync(_closed.Token);
        try
        {
            ThrowIfClosed();
            WriteAcknowledgement(_output.Writer, type, packetIdentifier, reasonCode);
            await FlushAsync(_closed.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Complete(ushort packetIdentifier, MqttPacketType received, MqttReasonCode reasonCode)
    {
        MqttPendingOperation? pending;
        lock (_pendingLock)
        {
            if (!_pending.TryGetValue(packetIdentifier, out pending) || pending.Publish is null)
            {
                // An acknowledgement for nothing we sent on this connection: ignore it rather than fail the connection.
                return;
            }

            var expected = received == MqttPacketType.PubRec ? MqttPacketType.PubRec : pending.Awaiting;
            if (expected != received)
            {
                return;
            }

            _pending.Remove(packetIdentifier);
        }

        _inFlight.Release();
        pending.Publish.TrySetResult(reasonCode);
    }

    private ushort Register(MqttPendingOperation pending)
    {
        lock (_pendingLock)
        {
            if (_pending.Count >= ushort.MaxValue)
            {
                throw new MqttClientException("All 65,535 packet identifiers are in use.");
            }

            // Identifiers cycle through 1..65535, skipping those still awaiting their acknowledgement (0 is not allowed).
            do
            {
                _nextPacketIdentifier = _nextPacketIdentifier == ushort.MaxValue ? (ushort)1 : (ushort)(_nextPacketIdentifier + 1);
            }
            while (_pending.ContainsKey(_nextPacketIdentifier));

            _pending.Add(_nextPacketIdentifier, pending);
            return _nextPacketIdentifier;
        }
    }

    private void Unregister(MqttPendingOperation pending)
    {
        lock (_pendingLock)
        {
            foreach (var (id, value) in _pending)
            {
                if (ReferenceEquals(value, pending))
                {
                    _pending.Remove(id);
                    break;
                }
            }
        }

        if (pending.Publish is not null)
        {
            // The slot was taken before registering; give it back whether or not an identifier was assigned.
            _inFlight.Release();
        }
    }

    private void Close(Exception? failure)
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        // The writer is not completed here: a publisher may be writing into it under the write lock right now. The send
        // loop stops on the token and completes the reader, which makes every later flush report completion.
        _output.Reader.CancelPendingRead();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already gone.
        }

        _stream.Dispose();

        MqttPendingOperation[] pending;
        lock (_pendingLock)
        {
            pending = [.. _pending.Values];
            _pending.Clear();
        }

        var exception = failure ?? new MqttClientException("The MQTT connection is closed.");
        foreach (var operation in pending)
        {
            operation.Fail(exception);
        }

        // Wake publishers waiting for an in-flight slot; they find the connection closed and throw.
        try
        {
            _inFlight.Release(short.MaxValue);
        }
        catch (SemaphoreFullException)
        {
            // Enough slots already.
        }

        _connAck.TrySetException(exception);
        if (failure is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(failure);
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed.IsCancellationRequested)
        {
            throw new MqttClientException("The MQTT connection is closed.", Completion.Exception?.InnerException);
        }
    }

    // ---- Packet encoding and decoding: thin calls into the shared codec (Protocol/). ----

    private static void WriteConnect(PipeWriter writer, MqttClientOptions options)
    {
        var v5 = options.Version == MqttProtocolVersion.V500;
        var connect = new MqttOutboundConnect(options.Version, options.ClientId, options.CleanSession, KeepAliveSeconds(options.KeepAlive))
        {
            UserName = options.Username,
            Password = options.Password.IsEmpty ? (ReadOnlyMemory<byte>?)null : options.Password,
            Will = options.Will is { } will ? new MqttOutboundWill(will.Topic, will.Payload, will.QualityOfService, will.Retain) : null,
            Properties = v5
                ? new MqttOutboundProperties
                {
                    SessionExpiryInterval = options.SessionExpiry > TimeSpan.Zero ? (uint)Math.Min(options.SessionExpiry.TotalSeconds, uint.MaxValue) : null,
                    ReceiveMaximum = options.ReceiveMaximum == ushort.MaxValue ? null : options.ReceiveMaximum,
                    MaximumPacketSize = (uint)options.MaximumPacketSize,
                }
                : default,
        };
        MqttPacketWriter.WriteConnect(writer, connect);
    }

    private void WritePublish(PipeWriter writer, string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService, bool retain, ushort packetIdentifier, bool duplicate) =>
        MqttPacketWriter.WritePublish(writer, _options.Version, topic, qualityOfService, packetIdentifier, retain, duplicate, new ReadOnlySequence<byte>(payload));

    private void WriteAcknowledgement(PipeWriter writer, MqttPacketType type, ushort packetIdentifier, MqttReasonCode reasonCode) =>
        MqttPacketWriter.WritePublishAcknowledgement(writer, _options.Version, type, packetIdentifier, _options.Version == MqttProtocolVersion.V500 ? reasonCode : MqttReasonCode.Success);

    private static void WritePingRequest(PipeWriter writer) => MqttPacketWriter.WritePingReq(writer);

    private void WriteDisconnect(PipeWriter writer, MqttReasonCode reasonCode) =>
        MqttPacketWriter.WriteDisconnect(writer, _options.Version, _options.Version == MqttProtocolVersion.V500 ? reasonCode : MqttReasonCode.Success);

    private MqttConnectResult DecodeConnAck(in MqttFrame frame)
    {
        // A 3.1.1-only server answers a v5 CONNECT with a 3.1.1 CONNACK (two bytes, return code 1) that v5 cannot parse.
        var version = _options.Version == MqttProtocolVersion.V500 && frame.Body.Length == 2 ? MqttProtocolVersion.V311 : _options.Version;
        var decoded = MqttConnAckPacket.TryDecode(frame, version, out var connAck);
        ThrowIfFailed(decoded, "CONNACK");
        var properties = connAck.Properties;
        return new MqttConnectResult(
            connAck.ReasonCode,
            connAck.SessionPresent,
            MqttUtf8.GetStringOrNull(properties.AssignedClientIdentifier),
            properties.ReceiveMaximum,
            properties.ServerKeepAlive is { } keepAlive ? TimeSpan.FromSeconds(keepAlive) : null,
            MqttUtf8.GetStringOrNull(properties.ReasonString));
    }

    private (ushort PacketIdentifier, MqttReasonCode ReasonCode) DecodeAcknowledgement(in MqttFrame frame)
    {
        ThrowIfFailed(MqttPublishAcknowledgementPacket.TryDecode(frame, _options.Version, out var acknowledgement), frame.PacketType.ToString());
        return (acknowledgement.PacketIdentifier, acknowledgement.ReasonCode);
    }

    private (ushort PacketIdentifier, MqttReasonCode[] Codes) DecodeSubAck(in MqttFrame frame)
    {
        ThrowIfFailed(MqttSubAckPacket.TryDecode(frame, _options.Version, out var subAck), "SUBACK");
        return (subAck.PacketIdentifier, Array.ConvertAll(subAck.ReasonCodes.ToArray(), code => (MqttReasonCode)code));
    }

    private MqttReasonCode DecodeDisconnect(in MqttFrame frame)
    {
        ThrowIfFailed(MqttDisconnectPacket.TryDecode(frame, _options.Version, out var disconnect), "DISCONNECT");
        return disconnect.ReasonCode;
    }

    private (MqttReceivedMessage Message, ushort PacketIdentifier) DecodePublish(in MqttFrame frame)
    {
        ThrowIfFailed(MqttPublishPacket.TryDecode(frame, _options.Version, out var publish), "PUBLISH");

        // Topic aliases are never granted (no Topic Alias Maximum in CONNECT), so every PUBLISH carries its topic.
        var message = new MqttReceivedMessage(publish.GetTopic(), publish.Payload, publish.QualityOfService, publish.Retain, publish.Duplicate);
        return (message, publish.PacketIdentifier);
    }

    private static void ThrowIfFailed(MqttDecodeResult result, string packet)
    {
        if (!result.IsSuccess)
        {
            throw new MqttClientException($"The MQTT server sent a bad {packet}: {result}.");
        }
    }

    /// <summary>Keep-alive is whole seconds on the wire, at most 65,535 (18 h 12 min).</summary>
    private static ushort KeepAliveSeconds(TimeSpan keepAlive) =>
        keepAlive <= TimeSpan.Zero ? (ushort)0 : (ushort)Math.Clamp(Math.Ceiling(keepAlive.TotalSeconds), 1, ushort.MaxValue);
}
