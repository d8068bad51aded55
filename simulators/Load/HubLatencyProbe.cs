using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// A dashboard on the live hub (<c>/hubs/twin</c>): one SignalR connection speaking the JSON hub protocol over a raw
/// WebSocket (the .NET client package is not served by the package source), with one subscription. For every twin
/// whose id starts with the load run's prefix and whose <see cref="LoadFleet.SentMetric"/> changed since the last push,
/// it records how long ago the device published that value. The hub coalesces each subscription's changes
/// (<c>Live:MaxPushesPerSecond</c>, 4 by default), so these latencies include up to one push interval of waiting.
/// </summary>
internal sealed class HubLatencyProbe : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;

    // The hub drops a client it has not heard from for 30 s (SignalR's ClientTimeoutInterval); a ping keeps it.
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly Uri hub;
    private readonly string? apiKey;
    private readonly string invocation;
    private readonly string idPrefix;
    private readonly Dictionary<string, double> lastSent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private Task receiving = Task.CompletedTask;
    private Task pinging = Task.CompletedTask;
    private volatile bool recording;
    private volatile string? error;
    private volatile bool refused;
    private ClientWebSocket socket = new();
    private int reconnects;
    private long deltaMessages;
    private long twinUpdates;
    private long bytes;

    private HubLatencyProbe(Uri hub, string? apiKey, string invocation, string idPrefix)
    {
        this.hub = hub;
        this.apiKey = apiKey;
        this.invocation = invocation;
        this.idPrefix = idPrefix;
    }

    /// <summary>Latencies seen while recording.</summary>
    public LatencySamples Latencies { get; } = new();

    public long DeltaMessages => Interlocked.Read(ref deltaMessages);

    public long TwinUpdates => Interlocked.Read(ref twinUpdates);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Why the hub refused the subscription, or what broke the connection first; <c>null</c> while all is well.</summary>
    public string? Error => error;

    /// <summary>Times the connection broke and the probe connected and subscribed again (values in between are not samples).</summary>
    public int Reconnects => Volatile.Read(ref reconnects);

    /// <summary>
    /// Connects to <paramref name="api"/>'s hub with <paramref name="apiKey"/> and invokes <paramref name="method"/>
    /// (<c>SubscribeKind</c>, <c>SubscribeDistrict</c>…) with <paramref name="argument"/>.
    /// </summary>
    public static async Task<HubLatencyProbe> ConnectAsync(Uri api, string? apiKey, string method, string argument, string idPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var hub = new UriBuilder(new Uri(api, "hubs/twin")) { Scheme = api.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        var invocation = JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = method, arguments = new[] { argument } });
        var probe = new HubLatencyProbe(hub, apiKey, invocation, idPrefix);
        try
        {
            await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await probe.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        probe.receiving = Task.Run(probe.ReceiveAsync, CancellationToken.None);
        probe.pinging = Task.Run(probe.PingAsync, CancellationToken.None);
        return probe;
    }

    /// <summary>A new socket: connect, handshake, subscribe.</summary>
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var fresh = new ClientWebSocket();
        if (apiKey is not null)
        {
            fresh.Options.SetRequestHeader("X-Api-Key", apiKey);
        }

        var old = Interlocked.Exchange(ref socket, fresh);
        old.Dispose();
        await fresh.ConnectAsync(hub, cancellationToken).ConfigureAwait(false);
        await SendAsync("""{"protocol":"json","version":1}""").ConfigureAwait(false);
        await SendAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>Starts or stops recording; starting clears the counters, so only the measuring window counts.</summary>
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
        await closing.CancelAsync().ConfigureAwait(false);
        try
        {
            await Volatile.Read(ref socket).CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(receiving, pinging).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing anyway.
        }

        Volatile.Read(ref socket).Dispose();
        closing.Dispose();
        sending.Dispose();
    }

    private async Task SendAsync(string json)
    {
        var message = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await sending.WaitAsync(closing.Token).ConfigureAwait(false);
        try
        {
            await Volatile.Read(ref socket).SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, closing.Token).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task PingAsync()
    {
        try
        {
            while (!closing.IsCancellationRequested)
            {
                await Task.Delay(PingInterval, closing.Token).ConfigureAwait(false);
                try
                {
                    await SendAsync("""{"type":6}""").ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The connection broke; the receive loop reconnects.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256 * 1024];
        var record = new ArrayBufferWriter<byte>(1024 * 1024);
        while (!closing.IsCancellationRequested && !refused)
        {
            var broke = await ReceiveUntilBrokenAsync(buffer, record).ConfigureAwait(false);
            if (broke is null || closing.IsCancellationRequested || refused)
            {
                return;
            }

            // A dashboard reconnects; so does the probe, and the run goes on measuring.
            error ??= broke;
            Interlocked.Increment(ref reconnects);
            record.ResetWrittenCount();
            while (!closing.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(ReconnectDelay, closing.Token).ConfigureAwait(false);
                    await OpenAsync(closing.Token).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException)
                {
                    // Still down; try again.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>Why the connection broke, or <c>null</c> when the probe is closing.</returns>
    private async Task<string?> ReceiveUntilBrokenAsync(byte[] buffer, ArrayBufferWriter<byte> record)
    {
        var current = Volatile.Read(ref socket);
        try
        {
            while (!closing.IsCancellationRequested && !refused)
            {
                var result = await current.ReceiveAsync(buffer, closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"the hub closed the connection: {result.CloseStatus} {result.CloseStatusDescription}";
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

            return null;
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return $"the hub connection broke: {e.Message}";
        }
    }

    private void OnRecord(ReadOnlySpan<byte> json)
    {
        var now = LoadClock.UnixMicroseconds;
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        switch (root.TryGetProperty("type", out var type) ? type.GetInt32() : 0)
        {
            case 3 when root.TryGetProperty("error", out var refusal):
                error ??= $"the hub refused the subscription: {refusal.GetString()}";
                refused = true;
                return;
            case 7:
                error ??= $"the hub closed the connection: {(root.TryGetProperty("error", out var reason) ? reason.GetString() : "no reason given")}";
                return;
            case 0 when root.TryGetProperty("error", out var handshake):
                error ??= $"the hub refused the handshake: {handshake.GetString()}";
                refused = true;
                return;
            case 1 when root.GetProperty("target").ValueEquals("deltas"u8):
                OnDeltas(root.GetProperty("arguments")[1], now);
                return;
            default:
                return;
        }
    }

    private void OnDeltas(JsonElement twins, double now)
    {
        if (!recording)
        {
            return;
        }

        Interlocked.Increment(ref deltaMessages);
        foreach (var twin in twins.EnumerateArray())
        {
            var id = twin.GetProperty("id").GetString();
            if (id is null || !id.StartsWith(idPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            Interlocked.Increment(ref twinUpdates);
            if (LoadReadings.Sent(twin) is { } sent && (!lastSent.TryGetValue(id, out var last) || last != sent))
            {
                lastSent[id] = sent;
                Latencies.Add((now - sent) / 1000.0);
            }
        }
    }
}
