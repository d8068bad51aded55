using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Gateways.Mqtt.Tests.Broker;

/// <summary>
/// A bare MQTT client for driving the endpoint packet by packet: writes with the codec's <see cref="MqttPacketWriter"/>
/// (or raw bytes) and reads frames with its <see cref="MqttFrameReader"/>. No retries, no automatic acknowledgements.
/// </summary>
internal sealed class RawMqttClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private ushort _nextPacketId;

    private RawMqttClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
    }

    public MqttProtocolVersion Version { get; private set; } = MqttProtocolVersion.V311;

    public static async Task<RawMqttClient> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        return new RawMqttClient(socket);
    }

    public ushort NextPacketId() => ++_nextPacketId == 0 ? ++_nextPacketId : _nextPacketId;

    public async Task SendAsync(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        await _stream.WriteAsync(buffer.WrittenMemory);
    }

    public async Task SendRawAsync(params byte[] bytes) => await _stream.WriteAsync(bytes);

    public async Task<ReceivedPacket> ConnectAsync(MqttOutboundConnect connect)
    {
        Version = connect.Version;
        await SendAsync(w => MqttPacketWriter.WriteConnect(w, connect));
        return await ExpectAsync(MqttPacketType.ConnAck);
    }

    public Task<ReceivedPacket> ConnectAsync(MqttProtocolVersion version, string clientId, bool cleanStart = true, ushort keepAlive = 60) =>
        ConnectAsync(new MqttOutboundConnect(version, clientId, cleanStart, keepAlive));

    public Task PublishAsync(string topic, string payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, ushort packetId = 0, MqttOutboundProperties properties = default, bool duplicate = false) =>
        SendAsync(w => MqttPacketWriter.WritePublish(w, Version, topic, qos, packetId, retain, duplicate, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), properties));

    public async Task<ReceivedPacket> SubscribeAsync(string filter, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, MqttOutboundProperties properties = default, MqttSubscriptionOptions? options = null)
    {
        var id = NextPacketId();
        var subscription = new MqttTopicSubscription(filter, options ?? new MqttSubscriptionOptions(qos));
        await SendAsync(w => MqttPacketWriter.WriteSubscribe(w, Version, id, [subscription], properties));
        var ack = await ExpectAsync(MqttPacketType.SubAck);
        Assert.Equal(id, ack.PacketId);
        return ack;
    }

    public async Task<ReceivedPacket> UnsubscribeAsync(string filter)
    {
        var id = NextPacketId();
        await SendAsync(w => MqttPacketWriter.WriteUnsubscribe(w, Version, id, [filter]));
        return await ExpectAsync(MqttPacketType.UnsubAck);
    }

    public Task AcknowledgeAsync(MqttPacketType type, ushort packetId) =>
        SendAsync(w => MqttPacketWriter.WritePublishAcknowledgement(w, Version, type, packetId));

    public Task DisconnectAsync(MqttReasonCode reasonCode = MqttReasonCode.Success, MqttOutboundProperties properties = default) =>
        SendAsync(w => MqttPacketWriter.WriteDisconnect(w, Version, reasonCode, properties));

    /// <summary>The next packet, or null when the server closed the connection.</summary>
    public async Task<ReceivedPacket?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no packet from the server in time");
            }
            catch (IOException)
            {
                return null;
            }

            var buffer = result.Buffer;
            var status = MqttFrameReader.TryReadFrame(buffer, 0, out var frame);
            if (status == MqttFrameStatus.Complete)
            {
                var packet = new ReceivedPacket(frame.PacketType, frame.Flags, frame.Body.ToArray(), Version);
                _reader.AdvanceTo(frame.End);
                return packet;
            }

            Assert.Equal(MqttFrameStatus.Incomplete, status);
            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    public async Task<ReceivedPacket> ExpectAsync(MqttPacketType type, TimeSpan? timeout = null)
    {
        var packet = await ReceiveAsync(timeout);
        Assert.NotNull(packet);
        Assert.Equal(type, packet.Type);
        return packet;
    }

    /// <summary>Asserts nothing arrives for a while (a message that must not be delivered).</summary>
    public async Task ExpectNothingAsync(TimeSpan? wait = null)
    {
        try
        {
            var packet = await ReceiveAsync(wait ?? TimeSpan.FromMilliseconds(300));
            Assert.Fail($"unexpected {packet?.Type.ToString() ?? "close"}");
        }
        catch (TimeoutException)
        {
            // Expected.
        }
    }

    /// <summary>Reads until the server closes; returns what came before (a v5 DISCONNECT, say).</summary>
    public async Task<List<ReceivedPacket>> ExpectClosedAsync(TimeSpan? timeout = null)
    {
        var packets = new List<ReceivedPacket>();
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("the server did not close the connection");
            }

            var packet = await ReceiveAsync(left);
            if (packet is null)
            {
                return packets;
            }

            packets.Add(packet);
        }
    }

    /// <summary>Drops the TCP connection without DISCONNECT (so the Will fires).</summary>
    public void Abort()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }
}
