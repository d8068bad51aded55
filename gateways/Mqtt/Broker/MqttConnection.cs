using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Gateways.Mqtt.Hosting;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Broker;

/// <summary>
/// One network connection: a receive loop that decodes packets and answers them, and a single writer that serialises
/// everything sent (control packets queued by the receive loop, then messages taken from the session). Publishers never
/// write to the socket; they queue into the session and wake the writer, so a slow client only slows itself.
/// </summary>
internal sealed class MqttConnection
{
    private const int OutgoingBatchSize = 64;
    private const int OutgoingBatchesPerFlush = 64;

    /// <summary>Bytes written before a flush is forced: bounds what one connection buffers beyond the socket.</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>Control packets a client may leave unread (it keeps sending PINGREQ and never reads) before it is cut off.</summary>
    private const int MaximumControlBacklog = 10_000;

    private readonly MqttEndpoint _endpoint;
    private readonly MqttEndpointOptions _options;
    private readonly Socket _socket;
    private readonly bool _useTls;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<MqttControlPacket> _control = new();
    private readonly Channel<bool> _outputSignal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private readonly MqttOutgoing[] _batch = new MqttOutgoing[OutgoingBatchSize];

    private Stream? _stream;
    private PipeReader? _input;
    private PipeWriter? _output;
    private MqttSession? _session;
    private IMqttClientPolicy? _policy;
    private string _clientId = "";
    private int _inflightLimit;
    private long _clientMaximumPacketSize = long.MaxValue;
    private bool _requestProblemInformation = true;
    private string?[]? _topicAliases;
    private MqttWill? _will;
    private bool _discardWill;
    private uint _connectSessionExpiry;
    private volatile bool _closing;
    private int _closeReason = -1;
    private int _aborted;
    private string? _cachedTopic;
    private byte[]? _cachedTopicBytes;
    private long _lastActivity;
    private int _outputSignalled;

    public MqttConnection(MqttEndpoint endpoint, Socket socket, bool useTls)
    {
        _endpoint = endpoint;
        _options = endpoint.Options;
        _socket = socket;
        _useTls = useTls;
        _logger = endpoint.Logger;
        _time = endpoint.Time;
        AcceptedAt = _time.GetTimestamp();
        _lastActivity = AcceptedAt;
        RemoteEndPoint = socket.RemoteEndPoint;
    }

    public EndPoint? RemoteEndPoint { get; }

    public long AcceptedAt { get; }

    /// <summary>CONNACK 0x00 was sent and the connection has not closed.</summary>
    public bool IsConnected { get; private set; }

    public MqttProtocolVersion Version { get; private set; } = MqttProtocolVersion.V311;

    public ushort KeepAliveSeconds { get; private set; }

    public long LastActivity => Volatile.Read(ref _lastActivity);

    public string ClientId => _clientId;

    private bool IsV5 => Version == MqttProtocolVersion.V500;

    private MqttConnectionCloseReason CloseReason => _closeReason < 0 ? MqttConnectionCloseReason.ConnectionLost : (MqttConnectionCloseReason)_closeReason;

    /// <summary>Wakes the writer; cheap and idempotent (a one-slot channel that drops extra signals).</summary>
    public void SignalOutput()
    {
        // Many publishers may wake one subscriber at once: only the first since the writer last looked touches the channel.
        if (Interlocked.Exchange(ref _outputSignalled, 1) == 0)
        {
            _outputSignal.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Closes the connection from outside the receive loop (takeover, keep-alive, shutdown, connect timeout). A v5 client
    /// that completed CONNECT is told why with DISCONNECT first; a writer stuck on a dead socket is cut off after a second.
    /// </summary>
    public void Abort(MqttConnectionCloseReason reason, MqttReasonCode? disconnectCode)
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        SetCloseReason(reason);
        _closing = true;
        try
        {
            if (disconnectCode is { } code && IsV5 && IsConnected)
            {
                _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.Disconnect, ReasonCode: code));
                SignalOutput();
                _lifetime.CancelAfter(TimeSpan.FromSeconds(1));
            }
            else
            {
                _lifetime.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }
    }

    /// <summary>Another connection took this one's session over (MQTT-3.1.4-3).</summary>
    public void TakeOver(bool newCleanStart)
    {
        // A reconnect to the same session within the Will Delay cancels the Will (MQTT-3.1.3-9).
        if (!newCleanStart && _will is { DelaySeconds: > 0 })
        {
            _discardWill = true;
        }

        Abort(MqttConnectionCloseReason.SessionTakenOver, MqttReasonCode.SessionTakenOver);
    }

    public async Task RunAsync()
    {
        try
        {
            _stream = await OpenStreamAsync().ConfigureAwait(false);
            _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
            _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 4096, leaveOpen: true));
            if (!await ConnectAsync().ConfigureAwait(false))
            {
                return;
            }

            var writer = WriteLoopAsync();
            try
            {
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The peer went away or the connection was aborted.
            }
            finally
            {
                _closing = true;
                _outputSignal.Writer.TryComplete();
                try
                {
                    await writer.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await _lifetime.CancelAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The peer went away, was aborted or failed the TLS handshake.
        }
        catch (Exception exception)
        {
            _endpoint.Metrics.ConnectionFailed();
            MqttEndpointLog.ConnectionFailed(_logger, RemoteEndPoint, exception);
        }
        finally
        {
            await TeardownAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stream> OpenStreamAsync()
    {
        var network = new NetworkStream(_socket, ownsSocket: true);
        if (!_useTls)
        {
            return network;
        }

        var tls = new System.Net.Security.SslStream(network, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(
            new System.Net.Security.SslServerAuthenticationOptions { ServerCertificate = _endpoint.Certificate },
            _lifetime.Token).ConfigureAwait(false);
        return tls;
    }

    // ---- CONNECT ----

    private async Task<bool> ConnectAsync()
    {
        var input = _input!;
        bool cleanStart;
        string? username;
        byte[]? password;
        MqttWill? will;
        uint sessionExpiry;
        ushort receiveMaximum;
        uint maximumPacketSize;
        bool requestProblemInformation;
        bool hasAuthenticationMethod;
        while (true)
        {
            var result = await input.ReadAsync(_lifetime.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = MqttFrameReader.TryReadFrame(buffer, _options.MaximumPacketSize, out var frame);
            if (status == MqttFrameStatus.Incomplete)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return false;
                }

                continue;
            }

            if (status != MqttFrameStatus.Complete || frame.PacketType != MqttPacketType.Connect)
            {
                // The first packet must be CONNECT (MQTT-3.1.0-1); an oversized or broken one is cut off at once.
                _endpoint.Metrics.MalformedPacket();
                MqttEndpointLog.ProtocolViolation(_logger, RemoteEndPoint, status == MqttFrameStatus.Complete ? $"first packet {frame.PacketType}" : status.ToString());
                return false;
            }

            var decoded = MqttConnectPacket.TryDecode(in frame, out var packet);
            if (decoded.Status == MqttDecodeStatus.UnsupportedProtocolVersion)
            {
                // MQTT-3.1.2-2: CONNACK 0x01 (unacceptable protocol level) in the 3.1.1 format, then close.
                input.AdvanceTo(frame.End);
                await RefuseAsync(MqttReasonCode.UnsupportedProtocolVersion).ConfigureAwait(false);
                return false;
            }

            if (!decoded.IsSuccess)
            {
                // A broken CONNECT gets no CONNACK: the connection is closed (MQTT-4.13.1-1 for 3.1.1 and 5.0 alike).
                _endpoint.Metrics.MalformedPacket();
                MqttEndpointLog.ProtocolViolation(_logger, RemoteEndPoint, decoded.Detail ?? "malformed CONNECT");
                return false;
            }

            // The packet is a view over the pipe's buffer: copy out what outlives it before advancing.
            Version = packet.Version;
            KeepAliveSeconds = packet.KeepAlive;
            cleanStart = packet.CleanStart;
            _clientId = MqttUtf8.GetString(packet.ClientIdentifier);
            username = packet.HasUserName ? MqttUtf8.GetString(packet.UserName) : null;
            password = packet.HasPassword ? packet.Password.ToArray() : null;
            will = packet.HasWill
                ? new MqttWill(
                    MqttUtf8.GetString(packet.WillTopic),
                    packet.WillPayload.ToArray(),
                    packet.WillQualityOfService,
                    packet.WillRetain,
                    packet.WillProperties.WillDelayInterval ?? 0,
                    MqttPublishMetadata.From(packet.WillProperties))
                : null;
            var connectProperties = packet.Properties;
            sessionExpiry = connectProperties.SessionExpiryInterval ?? 0;
            receiveMaximum = connectProperties.ReceiveMaximum ?? ushort.MaxValue;
            maximumPacketSize = connectProperties.MaximumPacketSize ?? 0;
            requestProblemInformation = connectProperties.RequestProblemInformation != 0;
            hasAuthenticationMethod = connectProperties.AuthenticationMethod is not null;

            // Consume only the CONNECT: a client may pipeline more packets behind it.
            input.AdvanceTo(frame.End);
            break;
        }

        string? assignedClientId = null;
        if (_clientId.Length == 0)
        {
            if (!IsV5 && !cleanStart)
            {
                // MQTT-3.1.3-8: an empty identifier needs clean session 1 in 3.1.1.
                await RefuseAsync(MqttReasonCode.ClientIdentifierNotValid).ConfigureAwait(false);
                return false;
            }

            _clientId = assignedClientId = "auto-" + Guid.NewGuid().ToString("N");
            if (!IsV5)
            {
                assignedClientId = null;
            }
        }

        if (hasAuthenticationMethod)
        {
            // No enhanced authentication methods are supported (MQTT 5.0 4.12).
            await RefuseAsync(MqttReasonCode.BadAuthenticationMethod).ConfigureAwait(false);
            return false;
        }

        if (_endpoint.ConnectedClients >= _options.MaximumConnections)
        {
            await RefuseAsync(MqttReasonCode.ServerBusy).ConfigureAwait(false);
            return false;
        }

        MqttConnectOutcome outcome;
        try
        {
            var request = new MqttConnectRequest(_clientId, username, password ?? ReadOnlyMemory<byte>.Empty, Version, RemoteEndPoint, will?.Topic);
            outcome = await _endpoint.Authority.AuthenticateAsync(request, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MqttEndpointLog.AuthorityFailed(_logger, _clientId, exception);
            outcome = MqttConnectOutcome.Refuse(MqttReasonCode.UnspecifiedError);
        }

        if (!outcome.IsAccepted)
        {
            await RefuseAsync(outcome.ReasonCode == MqttReasonCode.Success ? MqttReasonCode.UnspecifiedError : outcome.ReasonCode).ConfigureAwait(false);
            return false;
        }

        _policy = outcome.Policy!;
        _will = will;
        _requestProblemInformation = requestProblemInformation;
        _inflightLimit = IsV5 ? receiveMaximum : _options.ReceiveMaximum;
        if (maximumPacketSize != 0)
        {
            _clientMaximumPacketSize = maximumPacketSize;
        }

        var maximumExpiry = (uint)Math.Min(uint.MaxValue - 1, _options.MaximumSessionExpiry.TotalSeconds);
        uint expiry;
        if (IsV5)
        {
            _connectSessionExpiry = sessionExpiry;
            expiry = Math.Min(sessionExpiry, maximumExpiry);
        }
        else
        {
            expiry = cleanStart ? 0 : maximumExpiry;
        }

        if (IsV5 && _options.TopicAliasMaximum > 0)
        {
            _topicAliases = new string?[_options.TopicAliasMaximum + 1];
        }

        var (session, sessionPresent) = _endpoint.AttachSession(this, _clientId, cleanStart, expiry);
        if (session is null)
        {
            await RefuseAsync(MqttReasonCode.QuotaExceeded).ConfigureAwait(false);
            return false;
        }

        _session = session;

        var properties = IsV5 ? ConnAckProperties(assignedClientId, expiry != sessionExpiry ? expiry : null) : default;
        MqttPacketWriter.WriteConnAck(_output!, Version, sessionPresent, MqttReasonCode.Success, properties);
        IsConnected = true;
        _endpoint.ClientConnected();
        Touch();
        MqttEndpointLog.Connected(_logger, _clientId, _policy.Identity, RemoteEndPoint, Version, cleanStart, sessionPresent);
        await _output!.FlushAsync(_lifetime.Token).ConfigureAwait(false);
        SignalOutput();
        return true;
    }

    private MqttOutboundProperties ConnAckProperties(string? assignedClientId, uint? sessionExpiry) => new()
    {
        SessionExpiryInterval = sessionExpiry,
        ReceiveMaximum = _options.ReceiveMaximum,
        MaximumPacketSize = (uint)_options.MaximumPacketSize,
        TopicAliasMaximum = _options.TopicAliasMaximum,
        RetainAvailable = 1,
        WildcardSubscriptionAvailable = 1,

        // Subscription identifiers and shared subscriptions are not implemented; say so (MQTT 5.0 3.2.2.3.12/13).
        SubscriptionIdentifierAvailable = 0,
        SharedSubscriptionAvailable = 0,
        AssignedClientIdentifier = assignedClientId,
    };

    private async Task RefuseAsync(MqttReasonCode reasonCode)
    {
        _endpoint.Metrics.ConnectionRefused();
        MqttEndpointLog.Refused(_logger, _clientId, reasonCode);
        // 3.1.1 has no "bad authentication method"; it is a refusal of the client, not of its credentials: 5.
        var code = !IsV5 && reasonCode == MqttReasonCode.BadAuthenticationMethod ? MqttReasonCode.NotAuthorized : reasonCode;
        MqttPacketWriter.WriteConnAck(_output!, Version, sessionPresent: false, code);
        await _output!.FlushAsync(_lifetime.Token).ConfigureAwait(false);
    }

    // ---- receive loop ----

    private async Task ReceiveLoopAsync()
    {
        var input = _input!;
        var token = _lifetime.Token;
        while (!_closing)
        {
            var result = await input.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                // Every complete packet of this read is handled before the writer is woken: one flush per batch.
                while (!_closing)
                {
                    var status = MqttFrameReader.TryReadFrame(buffer, _options.MaximumPacketSize, out var frame);
                    if (status == MqttFrameStatus.Incomplete)
                    {
                        break;
                    }

                    if (status == MqttFrameStatus.TooLarge)
                    {
                        Violation(MqttReasonCode.PacketTooLarge, "packet larger than Maximum Packet Size");
                        break;
                    }

                    if (status == MqttFrameStatus.Malformed)
                    {
                        Violation(MqttReasonCode.MalformedPacket, "malformed fixed header");
                        break;
                    }

                    Touch();
                    await HandlePacketAsync(in frame).ConfigureAwait(false);

                    buffer = buffer.Slice(frame.End);
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (!_control.IsEmpty)
            {
                if (_control.Count > MaximumControlBacklog)
                {
                    Violation(MqttReasonCode.QuotaExceeded, "client does not read its acknowledgements");
                }

                SignalOutput();
            }

            if (result.IsCompleted)
            {
                break;
            }
        }
    }

    /// <summary>A packet the codec refused: its reason code is the one the DISCONNECT carries.</summary>
    private void Violation(in MqttDecodeResult result) => Violation(result.ReasonCode, result.Detail ?? "malformed packet");

    private void Violation(MqttReasonCode reasonCode, string problem)
    {
        _endpoint.Metrics.MalformedPacket();
        MqttEndpointLog.ProtocolViolation(_logger, RemoteEndPoint, problem);
        SetCloseReason(MqttConnectionCloseReason.ProtocolViolation);
        _closing = true;
        if (IsV5)
        {
            // MQTT-4.13.1-1: tell a v5 client why (0x81, 0x82, 0x93, 0x94, 0x95...), then close. 3.1.1 just closes.
            _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.Disconnect, ReasonCode: reasonCode));
            SignalOutput();
        }
    }

    /// <summary>Every decode error goes through <see cref="Violation(in MqttDecodeResult)"/>: nothing throws for malformed input.</summary>
    private ValueTask HandlePacketAsync(in MqttFrame frame)
    {
        switch (frame.PacketType)
        {
            case MqttPacketType.Publish:
                return HandlePublishAsync(in frame);
            case MqttPacketType.PubAck:
            case MqttPacketType.PubComp:
                HandleCompletion(in frame);
                break;
            case MqttPacketType.PubRec:
                HandlePublishReceived(in frame);
                break;
            case MqttPacketType.PubRel:
                HandlePublishRelease(in frame);
                break;
            case MqttPacketType.Subscribe:
                HandleSubscribe(in frame);
                break;
            case MqttPacketType.Unsubscribe:
                HandleUnsubscribe(in frame);
                break;
            case MqttPacketType.PingReq:
                var ping = MqttPingPacket.TryDecode(in frame);
                if (!ping.IsSuccess)
                {
                    Violation(ping);
                    break;
                }

                _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.PingResponse));
                break;
            case MqttPacketType.Disconnect:
                HandleDisconnect(in frame);
                break;
            case MqttPacketType.Connect:
                // MQTT-3.1.0-2: a second CONNECT is a protocol error.
                Violation(MqttReasonCode.ProtocolError, "second CONNECT");
                break;
            default:
                // AUTH (no enhanced authentication was agreed) and server-to-client packets.
                Violation(MqttReasonCode.ProtocolError, $"unexpected {frame.PacketType}");
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Synchronous all the way when the policy answers synchronously (the QoS 0 hot path allocates nothing here); only a
    /// pending decision goes through an async continuation.
    /// </summary>
    private ValueTask HandlePublishAsync(in MqttFrame frame)
    {
        var decoded = MqttPublishPacket.TryDecode(in frame, Version, out var publish);
        if (!decoded.IsSuccess)
        {
            Violation(decoded);
            return ValueTask.CompletedTask;
        }

        _endpoint.Metrics.PublishReceived();
        if (publish.Properties.SubscriptionIdentifierCount > 0)
        {
            // The codec reads both directions; only the server may send a Subscription Identifier (MQTT-3.3.4-6).
            Violation(MqttReasonCode.ProtocolError, "Subscription Identifier in a client PUBLISH (MQTT-3.3.4-6)");
            return ValueTask.CompletedTask;
        }

        var topic = ResolveTopic(publish.Topic, publish.Properties.TopicAlias);
        if (topic is null)
        {
            return ValueTask.CompletedTask;
        }

        var session = _session!;
        var qos = publish.QualityOfService;
        var retain = publish.Retain;
        var packetId = publish.PacketIdentifier;
        if (qos == MqttQualityOfService.ExactlyOnce)
        {
            if (session.IncomingQos2.Contains(packetId))
            {
                // A resend before PUBREL: acknowledge again, never deliver twice (MQTT 5.0 4.3.3, Method B).
                _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.Acknowledgement, 0x50, packetId));
                return ValueTask.CompletedTask;
            }

            if (IsV5 && session.IncomingQos2.Count >= _options.ReceiveMaximum)
            {
                // MQTT-3.3.4-9: more unacknowledged QoS 2 than Receive Maximum.
                Violation(MqttReasonCode.ReceiveMaximumExceeded, "Receive Maximum exceeded");
                return ValueTask.CompletedTask;
            }
        }

        var payload = publish.Payload;
        var metadata = MqttPublishMetadata.From(publish.Properties);
        var inbound = new MqttInboundPublish(topic, payload, qos, retain, IsWill: false, _time.GetUtcNow(), metadata.ResponseTopic, metadata.CorrelationData, metadata.ContentType);
        ValueTask<MqttPublishDecision> pending;
        try
        {
            pending = _policy!.AuthorizePublishAsync(inbound, _lifetime.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_lifetime.IsCancellationRequested)
        {
            pending = ValueTask.FromResult(PolicyFailed(exception));
        }

        if (!pending.IsCompleted)
        {
            return AwaitPublishDecisionAsync(pending, topic, payload, qos, retain, packetId, metadata, session);
        }

        MqttPublishDecision decision;
        try
        {
            decision = pending.Result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_lifetime.IsCancellationRequested)
        {
            decision = PolicyFailed(exception);
        }

        CompletePublish(decision, topic, payload, qos, retain, packetId, in metadata, session);
        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitPublishDecisionAsync(
        ValueTask<MqttPublishDecision> pending, string topic, ReadOnlySequence<byte> payload, MqttQualityOfService qos, bool retain, ushort packetId, MqttPublishMetadata metadata, MqttSession session)
    {
        MqttPublishDecision decision;
        try
        {
            decision = await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_lifetime.IsCancellationRequested)
        {
            decision = PolicyFailed(exception);
        }

        CompletePublish(decision, topic, payload, qos, retain, packetId, in metadata, session);
    }

    private MqttPublishDecision PolicyFailed(Exception exception)
    {
        MqttEndpointLog.PolicyFailed(_logger, _policy!.Identity, exception);
        return MqttPublishDecision.Refuse(MqttReasonCode.UnspecifiedError, "The server failed to handle the message.");
    }

    /// <summary>Routes an accepted publish and queues its acknowledgement (after the policy, MQTT-4.6.0-2 order).</summary>
    private void CompletePublish(MqttPublishDecision decision, string topic, in ReadOnlySequence<byte> payload, MqttQualityOfService qos, bool retain, ushort packetId, in MqttPublishMetadata metadata, MqttSession session)
    {
        if (!decision.IsAccepted)
        {
            _endpoint.Metrics.PublishRefused();
            MqttEndpointLog.PublishRefused(_logger, _policy!.Identity, topic, decision.ReasonCode, decision.Reason);
        }
        else if (decision.RouteTopic is { } route)
        {
            _endpoint.Route(route, payload, qos, retain, in metadata, session);
        }

        if (qos == MqttQualityOfService.AtMostOnce)
        {
            return;
        }

        var reasonString = _requestProblemInformation && !decision.IsAccepted ? decision.Reason : null;
        if (qos == MqttQualityOfService.ExactlyOnce && (decision.ReasonCode < MqttReasonCode.UnspecifiedError || !IsV5))
        {
            session.IncomingQos2.Add(packetId);
        }

        _control.Enqueue(new MqttControlPacket(
            MqttControlPacketKind.Acknowledgement,
            qos == MqttQualityOfService.AtLeastOnce ? (byte)0x40 : (byte)0x50,
            packetId,
            decision.ReasonCode,
            reasonString));
    }

    /// <summary>The topic, through the v5 Topic Alias when there is one; null after a violation.</summary>
    private string? ResolveTopic(in ReadOnlySequence<byte> topicBytes, ushort? topicAlias)
    {
        if (topicAlias is not { } alias)
        {
            // The codec refused an empty topic without an alias and topics with wildcards.
            return DecodeTopic(topicBytes);
        }

        // MQTT-3.3.2-9: above our Topic Alias Maximum (alias 0 the codec refused already, MQTT-3.3.2-8).
        if (_topicAliases is null || alias >= _topicAliases.Length)
        {
            Violation(MqttReasonCode.TopicAliasInvalid, "Topic Alias invalid");
            return null;
        }

        if (topicBytes.IsEmpty)
        {
            var known = _topicAliases[alias];
            if (known is null)
            {
                Violation(MqttReasonCode.ProtocolError, "Topic Alias not set");
            }

            return known;
        }

        return _topicAliases[alias] = DecodeTopic(topicBytes);
    }

    /// <summary>Devices publish to the same topic over and over: reuse the last string when the bytes are the same.</summary>
    private string DecodeTopic(in ReadOnlySequence<byte> topicBytes)
    {
        if (_cachedTopicBytes is not null && MqttUtf8.SequenceEqual(topicBytes, _cachedTopicBytes))
        {
            return _cachedTopic!;
        }

        var topic = MqttUtf8.GetString(topicBytes);
        _cachedTopic = topic;
        _cachedTopicBytes = topicBytes.ToArray();
        return topic;
    }

    /// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP; false (after the violation) when the codec refused it.</summary>
    private bool TryDecodeAcknowledgement(in MqttFrame frame, out MqttPublishAcknowledgementPacket ack)
    {
        var decoded = MqttPublishAcknowledgementPacket.TryDecode(in frame, Version, out ack);
        if (!decoded.IsSuccess)
        {
            Violation(decoded);
        }

        return decoded.IsSuccess;
    }

    private void HandleCompletion(in MqttFrame frame)
    {
        if (!TryDecodeAcknowledgement(in frame, out var ack))
        {
            return;
        }

        if (_session!.CompleteInflight(ack.PacketIdentifier))
        {
            // The in-flight window opened.
            SignalOutput();
        }
    }

    private void HandlePublishReceived(in MqttFrame frame)
    {
        if (!TryDecodeAcknowledgement(in frame, out var ack))
        {
            return;
        }

        if (ack.ReasonCode >= MqttReasonCode.UnspecifiedError)
        {
            // v5: a failed PUBREC ends the flow (MQTT 5.0 4.3.3).
            _session!.CompleteInflight(ack.PacketIdentifier);
            SignalOutput();
            return;
        }

        var known = _session!.ReleaseInflight(ack.PacketIdentifier);
        _control.Enqueue(new MqttControlPacket(
            MqttControlPacketKind.Acknowledgement,
            0x62,
            ack.PacketIdentifier,
            known || !IsV5 ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound));
    }

    private void HandlePublishRelease(in MqttFrame frame)
    {
        if (!TryDecodeAcknowledgement(in frame, out var ack))
        {
            return;
        }

        var known = _session!.IncomingQos2.Remove(ack.PacketIdentifier);
        _control.Enqueue(new MqttControlPacket(
            MqttControlPacketKind.Acknowledgement,
            0x70,
            ack.PacketIdentifier,
            known || !IsV5 ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound));
    }

    private void HandleSubscribe(in MqttFrame frame)
    {
        var decoded = MqttSubscribePacket.TryDecode(in frame, Version, out var packet);
        if (!decoded.IsSuccess)
        {
            Violation(decoded);
            return;
        }

        var session = _session!;
        var hasSubscriptionIdentifier = packet.Properties.SubscriptionIdentifier is not null;
        var codes = new byte[packet.Count];
        var i = -1;
        List<MqttDelivery>? retained = null;
        var retainedMessages = new List<MqttRoutedMessage>();
        var refused = IsV5 ? (byte)MqttReasonCode.NotAuthorized : (byte)0x80;
        foreach (var entry in packet.GetTopicFilters())
        {
            i++;
            var filter = entry.GetTopicFilter();
            var qos = entry.Options.MaximumQualityOfService;
            var noLocal = entry.Options.NoLocal;
            var retainAsPublished = entry.Options.RetainAsPublished;
            var retainHandling = (byte)entry.Options.RetainHandling;

            // The codec refused malformed filters (MQTT-4.7.1-1/2, MQTT-4.7.3-1): what is left is well formed.
            if (IsV5 && hasSubscriptionIdentifier)
            {
                codes[i] = (byte)MqttReasonCode.SubscriptionIdentifiersNotSupported;
                continue;
            }

            if (MqttTopic.IsValidFilter(entry.TopicFilter, Version, out var isShared) && isShared)
            {
                codes[i] = (byte)MqttReasonCode.SharedSubscriptionsNotSupported;
                continue;
            }

            MqttSubscriptionDecision decision;
            try
            {
                decision = _policy!.AuthorizeSubscription(filter);
            }
            catch (Exception exception)
            {
                MqttEndpointLog.PolicyFailed(_logger, _policy!.Identity, exception);
                decision = MqttSubscriptionDecision.Refuse();
            }

            var effective = decision.EffectiveFilter ?? filter;
            if (!decision.IsGranted || !MqttTopic.IsValidFilter(effective, Version, out _))
            {
                _endpoint.Metrics.SubscriptionRefused();
                codes[i] = refused;
                continue;
            }

            var subscription = new MqttSubscription(session, effective, qos, noLocal, retainAsPublished, retainHandling);
            var existed = session.Subscriptions.TryGetValue(filter, out var previous);
            if (existed && previous!.Filter != effective)
            {
                _endpoint.Subscriptions.Remove(session, previous.Filter);
            }

            if (session.IsDiscarded)
            {
                // A clean-start takeover ended this session while the old connection was still reading.
                codes[i] = refused;
                continue;
            }

            // MQTT-3.8.4-3: an identical filter replaces the existing subscription.
            session.Subscriptions[filter] = subscription;
            _endpoint.Subscriptions.AddOrReplace(subscription);
            codes[i] = (byte)qos;

            // Retain Handling 0: send retained; 1: only for a new subscription; 2: never (MQTT-3.3.1-9/10/11).
            if (retainHandling == 0 || (retainHandling == 1 && !existed))
            {
                retainedMessages.Clear();
                _endpoint.Retained.Collect(effective, _time.GetTimestamp(), retainedMessages);
                foreach (var message in retainedMessages)
                {
                    // Retained messages sent for a new subscription keep RETAIN=1 (MQTT-3.3.1-8).
                    var grantedQos = (MqttQualityOfService)Math.Min((byte)qos, (byte)message.QualityOfService);
                    (retained ??= []).Add(new MqttDelivery(message, grantedQos, Retain: true));
                }
            }
        }

        _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.SubscribeAcknowledgement, 0x90, packet.PacketIdentifier, ReasonCodes: codes));
        if (retained is not null)
        {
            _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.RetainedDeliveries, Deliveries: retained));
        }
    }

    private void HandleUnsubscribe(in MqttFrame frame)
    {
        var decoded = MqttUnsubscribePacket.TryDecode(in frame, Version, out var packet);
        if (!decoded.IsSuccess)
        {
            Violation(decoded);
            return;
        }

        var session = _session!;
        var codes = new byte[packet.Count];
        var i = -1;
        foreach (var entry in packet.GetTopicFilters())
        {
            i++;
            var filter = entry.GetTopicFilter();
            if (session.Subscriptions.Remove(filter, out var subscription))
            {
                _endpoint.Subscriptions.Remove(session, subscription.Filter);
                codes[i] = (byte)MqttReasonCode.Success;
            }
            else
            {
                codes[i] = (byte)MqttReasonCode.NoSubscriptionExisted;
            }
        }

        _control.Enqueue(new MqttControlPacket(MqttControlPacketKind.UnsubscribeAcknowledgement, 0xB0, packet.PacketIdentifier, ReasonCodes: codes));
    }

    private void HandleDisconnect(in MqttFrame frame)
    {
        var decoded = MqttDisconnectPacket.TryDecode(in frame, Version, out var disconnect);
        if (!decoded.IsSuccess)
        {
            Violation(decoded);
            return;
        }

        if (disconnect.Properties.SessionExpiryInterval is { } expiry)
        {
            if (_connectSessionExpiry == 0 && expiry != 0)
            {
                // MQTT-3.14.2-2.
                Violation(MqttReasonCode.ProtocolError, "Session Expiry set in DISCONNECT after 0 in CONNECT");
                return;
            }

            _endpoint.SetSessionExpiry(_session!, Math.Min(expiry, (uint)Math.Min(uint.MaxValue - 1, _options.MaximumSessionExpiry.TotalSeconds)));
        }

        // Only a normal DISCONNECT (3.1.1, or v5 reason 0x00) discards the Will (MQTT-3.1.2-10, MQTT-3.14.4-3); v5 0x04
        // and the error reasons leave it to be published.
        _discardWill = disconnect.ReasonCode == MqttReasonCode.Success;
        SetCloseReason(MqttConnectionCloseReason.ClientDisconnected);
        _closing = true;
    }

    // ---- writer ----

    private async Task WriteLoopAsync()
    {
        var output = _output!;
        var token = _lifetime.Token;
        try
        {
            var reader = _outputSignal.Reader;
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                reader.TryRead(out _);
                Volatile.Write(ref _outputSignalled, 0);
                var disconnect = WritePending();
                await output.FlushAsync(token).ConfigureAwait(false);
                if (disconnect)
                {
                    break;
                }
            }

            // The receive loop ended: send what it queued last (acknowledgements, a DISCONNECT).
            if (!_control.IsEmpty)
            {
                WritePending();
                await output.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is going away.
        }
        catch (Exception exception)
        {
            MqttEndpointLog.ConnectionFailed(_logger, RemoteEndPoint, exception);
        }
        finally
        {
            // Whatever ended the writer ends the connection: the receive loop must not wait on a dead peer.
            _closing = true;
            await _lifetime.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes queued control packets, then session messages; true when a DISCONNECT was written (close after flushing).</summary>
    private bool WritePending()
    {
        var output = _output!;
        while (_control.TryDequeue(out var packet))
        {
            switch (packet.Kind)
            {
                case MqttControlPacketKind.Acknowledgement:
                    var reasonString = packet.ReasonString is not null && _requestProblemInformation ? packet.ReasonString : null;
                    MqttPacketWriter.WritePublishAcknowledgement(
                        output, Version, (MqttPacketType)(packet.HeaderByte >> 4), packet.PacketId, packet.ReasonCode, new MqttOutboundProperties { ReasonString = reasonString });
                    break;
                case MqttControlPacketKind.SubscribeAcknowledgement:
                    MqttPacketWriter.WriteSubAck(output, Version, packet.PacketId, MemoryMarshal.Cast<byte, MqttReasonCode>(packet.ReasonCodes));
                    break;
                case MqttControlPacketKind.UnsubscribeAcknowledgement:
                    MqttPacketWriter.WriteUnsubAck(output, Version, packet.PacketId, MemoryMarshal.Cast<byte, MqttReasonCode>(packet.ReasonCodes));
                    break;
                case MqttControlPacketKind.PingResponse:
                    MqttPacketWriter.WritePingResp(output);
                    break;
                case MqttControlPacketKind.Disconnect:
                    if (IsV5)
                    {
                        MqttPacketWriter.WriteDisconnect(output, Version, packet.ReasonCode);
                    }

                    return true;
                case MqttControlPacketKind.RetainedDeliveries:
                    _session?.EnqueueRange(packet.Deliveries!);
                    break;
            }
        }

        if (_session is not { } session || _closing)
        {
            return false;
        }

        var now = _time.GetTimestamp();
        for (var round = 0; round < OutgoingBatchesPerFlush; round++)
        {
            var count = session.TakeOutgoing(_batch, _inflightLimit, now, this);
            for (var i = 0; i < count; i++)
            {
                WriteOutgoing(output, session, in _batch[i], now);
            }

            Array.Clear(_batch, 0, count);
            if (count < _batch.Length)
            {
                return false;
            }

            if (output.CanGetUnflushedBytes && output.UnflushedBytes > FlushThreshold)
            {
                break;
            }
        }

        // More is waiting: come back after this flush.
        SignalOutput();
        return false;
    }

    private void WriteOutgoing(PipeWriter output, MqttSession session, in MqttOutgoing outgoing, long now)
    {
        if (outgoing.IsRelease)
        {
            MqttPacketWriter.WritePublishAcknowledgement(output, Version, MqttPacketType.PubRel, outgoing.PacketId);
            return;
        }

        var delivery = outgoing.Delivery;
        var message = delivery.Message;
        string topic;
        try
        {
            topic = _policy!.OutgoingTopic(message.Topic);
        }
        catch (Exception exception)
        {
            MqttEndpointLog.PolicyFailed(_logger, _policy!.Identity, exception);
            topic = message.Topic;
        }

        uint? expiry = null;
        if (message.ExpiresAtTimestamp is { } expiresAt)
        {
            // v5 Message Expiry Interval: what is left of it (MQTT-3.3.2-6).
            var left = _time.GetElapsedTime(now, expiresAt).TotalSeconds;
            expiry = (uint)Math.Max(1, Math.Ceiling(left));
        }

        var properties = IsV5 ? new MqttOutboundProperties
        {
            PayloadFormatIndicator = message.PayloadFormatIndicator,
            MessageExpiryInterval = expiry,
            ContentType = message.ContentType,
            ResponseTopic = message.ResponseTopic,
            CorrelationData = message.CorrelationData,
            UserProperties = message.UserProperties,
        } : default;
        if (MqttPacketWriter.MeasurePublish(Version, topic, delivery.QualityOfService, message.Payload.Length, properties) > _clientMaximumPacketSize)
        {
            // MQTT-3.1.2-25: never send more than the client accepts; the message is dropped as if delivered.
            if (outgoing.PacketId != 0)
            {
                session.CompleteInflight(outgoing.PacketId);
            }

            _endpoint.Metrics.MessageDropped();
            return;
        }

        MqttPacketWriter.WritePublish(
            output, Version, topic, delivery.QualityOfService, outgoing.PacketId, delivery.Retain, outgoing.Duplicate, new ReadOnlySequence<byte>(message.Payload), properties);
        _endpoint.Metrics.MessageDelivered();
    }

    // ---- teardown ----

    private async Task TeardownAsync()
    {
        _closing = true;
        try
        {
            if (IsConnected)
            {
                IsConnected = false;
                _endpoint.ClientDisconnected();
                var reason = CloseReason;
                var will = _discardWill || reason == MqttConnectionCloseReason.ServerShutdown ? null : _will;
                await _endpoint.DetachSessionAsync(this, _session!, will, _policy!).ConfigureAwait(false);
                MqttEndpointLog.Disconnected(_logger, _clientId, reason);
                try
                {
                    _policy!.OnConnectionClosed(reason);
                }
                catch (Exception exception)
                {
                    MqttEndpointLog.PolicyFailed(_logger, _policy!.Identity, exception);
                }
            }
        }
        catch (Exception exception)
        {
            MqttEndpointLog.ConnectionFailed(_logger, RemoteEndPoint, exception);
        }
        finally
        {
            _endpoint.Forget(this);
            try
            {
                if (_input is not null)
                {
                    await _input.CompleteAsync().ConfigureAwait(false);
                }

                if (_output is not null)
                {
                    await _output.CompleteAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                // The peer is gone; nothing to flush.
            }

            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            _socket.Dispose();
            _lifetime.Dispose();
        }
    }

    // ---- helpers ----

    private void Touch() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    private void SetCloseReason(MqttConnectionCloseReason reason) => Interlocked.CompareExchange(ref _closeReason, (int)reason, -1);
}
