using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>
/// A dashboard: one SignalR connection speaking the JSON hub protocol over a WebSocket (the .NET client package is not
/// served by the package source), subscribed to one district. For every twin in every <c>deltas</c> it receives, it
/// records how long ago the device published the value it shows.
/// </summary>
internal sealed class LiveHubReceiver : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;

    private readonly ClientWebSocket socket;
    private readonly List<double> latenciesMs = [];
    private readonly CancellationTokenSource closing = new();
    private Task receiving = Task.CompletedTask;
    private volatile bool recording;
    private long deltaMessages;
    private long twinUpdates;
    private long bytes;

    private LiveHubReceiver(ClientWebSocket socket) => this.socket = socket;

    public IReadOnlyList<double> LatenciesMs => latenciesMs;

    public long DeltaMessages => Interlocked.Read(ref deltaMessages);

    public long TwinUpdates => Interlocked.Read(ref twinUpdates);

    public long Bytes => Interlocked.Read(ref bytes);

    public static async Task<LiveHubReceiver> ConnectAsync(Uri silo, string districtId)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", LiveSiloProcess.AdminKey);
        var builder = new UriBuilder(new Uri(silo, "hubs/twin")) { Scheme = "ws" };
        await socket.ConnectAsync(builder.Uri, CancellationToken.None);
        var receiver = new LiveHubReceiver(socket);
        await receiver.SendAsync("""{"protocol":"json","version":1}""");
        await receiver.SendAsync($$"""{"type":1,"invocationId":"1","target":"SubscribeDistrict","arguments":["{{districtId}}"]}""");
        receiver.receiving = Task.Run(receiver.ReceiveAsync);
        return receiver;
    }

    /// <summary>Starts or stops keeping latencies (counters too): only the measuring window counts.</summary>
    public void Record(bool on)
    {
        if (on)
        {
            Interlocked.Exchange(ref deltaMessages, 0);
            Interlocked.Exchange(ref twinUpdates, 0);
            Interlocked.Exchange(ref bytes, 0);
        }

        recording = on;
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            await receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException or IOException)
        {
            // Closing anyway.
        }

        socket.Dispose();
        closing.Dispose();
    }

    private Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        return socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256 * 1024];
        var record = new ArrayBufferWriter<byte>(1024 * 1024);
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (recording)
                {
                    Interlocked.Add(ref bytes, result.Count);
                }

                var received = buffer.AsSpan(0, result.Count);
                while (received.IndexOf(RecordSeparator) is var end and >= 0)
                {
                    record.Write(received[..end]);
                    OnRecord(record.WrittenSpan);
                    record.ResetWrittenCount();
                    received = received[(end + 1)..];
                }

                record.Write(received);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Closed.
        }
    }

    private void OnRecord(ReadOnlySpan<byte> json)
    {
        var now = LiveClock.Microseconds;
        if (!recording || json.IndexOf("\"deltas\""u8) < 0)
        {
            return;
        }

        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("target", out var target) || target.GetString() != "deltas")
        {
            return;
        }

        Interlocked.Increment(ref deltaMessages);
        foreach (var twin in root.GetProperty("arguments")[1].EnumerateArray())
        {
            Interlocked.Increment(ref twinUpdates);
            foreach (var reading in twin.GetProperty("metrics").EnumerateArray())
            {
                if (reading.GetProperty("metric").ValueEquals(LiveDeviceFleet.SentMetric))
                {
                    latenciesMs.Add((now - reading.GetProperty("value").GetDouble()) / 1000.0);
                    break;
                }
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DeltaMessages} deltas, {TwinUpdates} twin updates");
}
