using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmartCity.Twin.Api.Tests.Live;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over a WebSocket (the .NET SignalR client package is not served by
/// this project's package source): handshake, invocations with their completions, and the messages the hub pushes.
/// Protocol: https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/HubProtocol.md
/// </summary>
internal sealed class LiveHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly WebSocket socket;
    private readonly CancellationTokenSource closing = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> invocations = new();
    private readonly List<HubMessage> messages = [];
    private readonly Lock gate = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private Task receiving = Task.CompletedTask;
    private int nextInvocation;

    private LiveHubClient(WebSocket socket) => this.socket = socket;

    /// <summary>Every hub-to-client invocation received so far, in arrival order.</summary>
    public IReadOnlyList<HubMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Connects to <c>/hubs/twin</c> with the given API key (none: anonymous) and completes the JSON handshake.</summary>
    public static async Task<LiveHubClient> ConnectAsync(WebApplicationFactory<Program> factory, string? apiKey = TwinApiFactory.AdminKey)
    {
        var webSockets = factory.Server.CreateWebSocketClient();
        if (apiKey is not null)
        {
            webSockets.ConfigureRequest = request => request.Headers["X-Api-Key"] = apiKey;
        }

        var socket = await webSockets.ConnectAsync(new Uri("ws://localhost/hubs/twin"), CancellationToken.None);
        var client = new LiveHubClient(socket);
        await client.SendRecordAsync("""{"protocol":"json","version":1}""");
        var handshake = await client.ReadRecordAsync(CancellationToken.None);
        var response = JsonDocument.Parse(handshake).RootElement;
        if (response.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Handshake refused: {error}");
        }

        client.receiving = Task.Run(client.ReceiveAsync);
        return client;
    }

    /// <summary>Invokes a hub method and returns its result; a hub error throws <see cref="LiveHubException"/> with its message.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextInvocation).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        invocations[id] = completion;
        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        };
        await SendRecordAsync(message.ToJsonString());
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<string> SubscribeAsync(string method, params object?[] arguments)
        => (await InvokeAsync(method, arguments)).GetString() ?? throw new InvalidOperationException($"{method} returned no subscription id");

    /// <summary>Waits for a pushed message that <paramref name="match"/> accepts, among those not yet returned to this caller.</summary>
    public async Task<HubMessage> WaitForAsync(Func<HubMessage, bool> match, TimeSpan timeout, string expectation, int skip = 0)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            var seen = Messages;
            foreach (var message in seen.Skip(skip))
            {
                if (match(message))
                {
                    return message;
                }
            }

            if (cancellation.IsCancellationRequested || receiving.IsCompleted)
            {
                throw new TimeoutException(
                    $"No {expectation} within {timeout}. Received:\n{string.Join('\n', seen.Select(m => m.ToString()))}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public Task<HubMessage> WaitForSnapshotAsync(string subscriptionId) => WaitForAsync(
        m => m.Target == "snapshot" && m.SubscriptionId == subscriptionId, TimeSpan.FromSeconds(10), $"snapshot for {subscriptionId}");

    /// <summary>The first <c>deltas</c> for the subscription carrying the twin (optionally: whose metric has the value).</summary>
    public Task<HubMessage> WaitForDeltaAsync(string subscriptionId, string twinId, string? metric = null, double? value = null, TimeSpan? timeout = null) => WaitForAsync(
        m => m.Target == "deltas" && m.SubscriptionId == subscriptionId
             && m.Twins.Any(t => t.GetProperty("id").GetString() == twinId && (metric is null || Metric(t, metric) == value)),
        timeout ?? TimeSpan.FromSeconds(10),
        $"deltas for {subscriptionId} with {twinId} {metric}={value}");

    public static double? Metric(JsonElement twin, string metric)
    {
        foreach (var reading in twin.GetProperty("metrics").EnumerateArray())
        {
            if (reading.GetProperty("metric").GetString() == metric)
            {
                return reading.GetProperty("value").GetDouble();
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // Already gone.
        }

        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException or IOException)
        {
            // The test is over either way.
        }

        socket.Dispose();
        closing.Dispose();
        sendLock.Dispose();
    }

    private async Task SendRecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private readonly StringBuilder pendingText = new();
    private readonly Queue<string> records = new();

    private async Task<string> ReadRecordAsync(CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        while (records.Count == 0)
        {
            var result = await socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The hub closed the connection.");
            }

            pendingText.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var text = pendingText.ToString();
            var end = text.LastIndexOf(RecordSeparator);
            if (end < 0)
            {
                continue;
            }

            foreach (var record in text[..end].Split(RecordSeparator))
            {
                records.Enqueue(record);
            }

            pendingText.Clear().Append(text[(end + 1)..]);
        }

        return records.Dequeue();
    }

    private async Task ReceiveAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            string record;
            try
            {
                record = await ReadRecordAsync(closing.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
                break;
            }

            var message = JsonDocument.Parse(record).RootElement.Clone();
            switch (message.GetProperty("type").GetInt32())
            {
                case 1:
                    lock (gate)
                    {
                        messages.Add(new HubMessage(
                            message.GetProperty("target").GetString()!,
                            [.. message.GetProperty("arguments").EnumerateArray()],
                            DateTimeOffset.UtcNow));
                    }

                    break;
                case 3:
                    var id = message.GetProperty("invocationId").GetString()!;
                    if (invocations.TryRemove(id, out var completion))
                    {
                        if (message.TryGetProperty("error", out var error))
                        {
                            completion.SetException(new LiveHubException(error.GetString() ?? ""));
                        }
                        else
                        {
                            completion.SetResult(message.TryGetProperty("result", out var result) ? result : default);
                        }
                    }

                    break;
                case 7:
                    return;
            }
        }
    }
}
