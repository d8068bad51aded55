using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// The devices of a load run, each on its own MQTT connection, publishing telemetry at a fixed total rate (open loop:
/// the schedule is kept whatever the server does, so a slow server shows as unacknowledged messages and latency, not
/// as a lower offered rate). Every message carries the device's sequence number (<see cref="SequenceMetric"/>) and the
/// time it was published (<see cref="SentMetric"/>, Unix microseconds), so a twin shows how many messages it took and
/// a probe how old the value it sees is.
/// </summary>
internal sealed class LoadFleet : IAsyncDisposable
{
    public const string SentMetric = "load_sent_us";

    public const string SequenceMetric = "load_seq";

    private const int ConnectParallelism = 32;

    private const int ConnectAttempts = 3;

    private const int MaxBurst = 64;

    private readonly MqttClientConnection[] connections;
    private readonly byte[][] topics;
    private readonly string[] topicNames;
    private readonly long[] sequences;
    private readonly ConcurrentDictionary<MqttReasonCode, long> refusals = new();
    private long published;
    private long acknowledged;
    private long refused;
    private long failed;
    private long outstanding;
    private string? firstFailure;
    private volatile bool recording;

    private LoadFleet(IReadOnlyList<(LoadDevice Device, MqttClientConnection Connection)> connected, int connectFailures, string? connectError)
    {
        connections = [.. connected.Select(c => c.Connection)];
        topicNames = [.. connected.Select(c => c.Device.TelemetryTopic)];
        topics = [.. topicNames.Select(Encoding.UTF8.GetBytes)];
        sequences = new long[connections.Length];
        ConnectFailures = connectFailures;
        firstFailure = connectError;
    }

    public int Connected => connections.Length;

    /// <summary>Devices whose connection failed <see cref="ConnectAttempts"/> times; the run goes on without them.</summary>
    public int ConnectFailures { get; }

    public LoadCounts Counts => new(
        Interlocked.Read(ref published),
        Interlocked.Read(ref acknowledged),
        Interlocked.Read(ref refused),
        Interlocked.Read(ref failed));

    /// <summary>Messages published and neither acknowledged, refused nor failed yet.</summary>
    public long Outstanding => Interlocked.Read(ref outstanding);

    /// <summary>QoS 1: publish → PUBACK, in milliseconds, for messages published while <see cref="Record"/> is on.</summary>
    public LatencySamples Acknowledgements { get; } = new();

    /// <summary>The first connect or publish failure, for the report: a run where nothing gets through says why.</summary>
    public string? FirstFailure => Volatile.Read(ref firstFailure);

    /// <summary>The reason codes of refused publishes (PUBACK ≥ 0x80), most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<MqttReasonCode, long>> Refusals => [.. refusals.OrderByDescending(r => r.Value)];

    /// <summary>
    /// Opens one connection per device (bounded parallelism, a few attempts each). <paramref name="credentials"/> are the
    /// devices' own (username and password, from provisioning) or <c>null</c> for an open broker.
    /// </summary>
    public static async Task<LoadFleet> ConnectAsync(
        string host,
        int port,
        IReadOnlyList<LoadDevice> devices,
        IReadOnlyDictionary<string, (string Username, string Password)>? credentials,
        IProgress<int>? connectedSoFar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var connected = new MqttClientConnection?[devices.Count];
        var failures = 0;
        string? firstError = null;
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, devices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var device = devices[i];
                var login = credentials?[device.Id];
                var options = new MqttClientOptions
                {
                    Host = host,
                    Port = port,
                    ClientId = device.Id,
                    Username = login?.Username,
                    Password = login is { } l ? Encoding.UTF8.GetBytes(l.Password) : ReadOnlyMemory<byte>.Empty,
                };
                for (var attempt = 1; attempt <= ConnectAttempts && connected[i] is null; attempt++)
                {
                    try
                    {
                        connected[i] = await MqttClientConnection.ConnectAsync(options, null, ct).ConfigureAwait(false);
                    }
                    catch (Exception e) when (IsConnectFailure(e) && !ct.IsCancellationRequested)
                    {
                        if (attempt == ConnectAttempts)
                        {
                            Interlocked.Increment(ref failures);
                            Interlocked.CompareExchange(ref firstError, $"{device.Id} could not connect to {host}:{port}: {e.Message}", null);
                        }
                    }
                }

                connectedSoFar?.Report(Interlocked.Increment(ref done));
            }).ConfigureAwait(false);

        var pairs = devices.Select((d, i) => (Device: d, Connection: connected[i])).Where(p => p.Connection is not null).ToList();
        return new LoadFleet([.. pairs.Select(p => (p.Device, p.Connection!))], failures, firstError);
    }

    /// <summary>
    /// Publishes <paramref name="rate"/> messages a second in total until <paramref name="stop"/>: <paramref name="publishers"/>
    /// tasks, each with its share of the devices and of the rate, taking its devices in turn.
    /// </summary>
    public Task RunAsync(double rate, MqttQualityOfService qualityOfService, int publishers, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        if (connections.Length == 0)
        {
            return Task.CompletedTask;
        }

        var count = Math.Clamp(publishers, 1, connections.Length);
        return Task.WhenAll(Enumerable.Range(0, count).Select(p =>
            Task.Run(() => PublishAsync([.. Enumerable.Range(0, connections.Length).Where(i => i % count == p)], rate / count, qualityOfService, stop), CancellationToken.None)));
    }

    /// <summary>Starts or stops recording <see cref="Acknowledgements"/>: only the measuring window counts.</summary>
    public void Record(bool on) => recording = on;

    /// <summary>Waits until every published message is acknowledged, refused or failed, or <paramref name="timeout"/> passes.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Outstanding > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsConnectFailure(Exception e) =>
        e is IOException or TimeoutException or MqttConnectException or MqttClientException or System.Net.Sockets.SocketException or OperationCanceledException;

    private async Task PublishAsync(int[] mine, double rate, MqttQualityOfService qualityOfService, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var next = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            if (sent >= due)
            {
                // Sleep until the next message is due; Task.Delay's 1 ms floor spreads a high rate in small bursts.
                var wait = ((sent + 1) / rate) - clock.Elapsed.TotalSeconds;
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(wait, 0.001)), CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            // Behind schedule, a publisher catches up in bursts and yields between them, so PUBACK continuations, the
            // probes and the other publishers keep their share of a busy thread pool.
            var burstEnd = Math.Min(due, sent + MaxBurst);
            for (; sent < burstEnd && !stop.IsCancellationRequested; sent++)
            {
                var device = mine[next];
                next = (next + 1) % mine.Length;
                Interlocked.Increment(ref outstanding);
                Interlocked.Increment(ref published);
                var started = recording ? Stopwatch.GetTimestamp() : 0;
                _ = TrackAsync(connections[device].PublishAsync(topicNames[device], Payload(device), qualityOfService, cancellationToken: CancellationToken.None), qualityOfService, started);
            }

            await Task.Yield();
        }
    }

    private byte[] Payload(int device)
    {
        // {"values":{"pm2_5":<12–31, below any air-quality warning>,"load_seq":<n>,"load_sent_us":<µs>}}
        var sequence = ++sequences[device];
        Span<byte> buffer = stackalloc byte[128];
        var length = 0;
        Append(buffer, ref length, "{\"values\":{\"pm2_5\":"u8);
        length += Format(buffer[length..], 12 + (sequence % 20));
        Append(buffer, ref length, ",\"load_seq\":"u8);
        length += Format(buffer[length..], sequence);
        Append(buffer, ref length, ",\"load_sent_us\":"u8);
        length += Format(buffer[length..], (long)LoadClock.UnixMicroseconds);
        Append(buffer, ref length, "}}"u8);
        return buffer[..length].ToArray();
    }

    private static void Append(Span<byte> buffer, ref int length, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[length..]);
        length += text.Length;
    }

    private static int Format(Span<byte> destination, long value) =>
        Utf8Formatter.TryFormat(value, destination, out var written) ? written : throw new InvalidOperationException("The payload buffer is too small.");

    /// <param name="started">When the message was published, to time its PUBACK; 0 when not recording.</param>
    private async Task TrackAsync(ValueTask<MqttReasonCode> publishing, MqttQualityOfService qualityOfService, long started)
    {
        try
        {
            var reason = await publishing.ConfigureAwait(false);
            if ((byte)reason >= 0x80)
            {
                Interlocked.Increment(ref refused);
                refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);
            }
            else if (qualityOfService != MqttQualityOfService.AtMostOnce)
            {
                Interlocked.Increment(ref acknowledged);
                if (started != 0)
                {
                    Acknowledgements.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }
        catch (Exception e) when (e is MqttClientException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, $"publish failed: {e.Message}", null);
        }
        finally
        {
            Interlocked.Decrement(ref outstanding);
        }
    }
}
