using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartCity.Twin.Gateways.Mqtt.Client;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>
/// Environment sensors provisioned through <c>PUT /api/v1/twins/{id}</c>, each on its own MQTT connection with its own
/// credentials, publishing QoS 0 telemetry at a fixed total rate (open loop). Each message carries the time it was
/// published (<see cref="SentMetric"/>), so a hub client can tell how old the value it receives is.
/// </summary>
internal sealed class LiveDeviceFleet : IAsyncDisposable
{
    public const string SentMetric = "bench_sent_us";

    private const int Publishers = 4;

    private readonly MqttClientConnection[] connections;
    private readonly string[] topics;
    private long published;
    private long failed;

    private LiveDeviceFleet(MqttClientConnection[] connections, string[] topics)
    {
        this.connections = connections;
        this.topics = topics;
    }

    public long Published => Interlocked.Read(ref published);

    public long Failed => Interlocked.Read(ref failed);

    public static async Task<LiveDeviceFleet> StartAsync(LiveSiloProcess silo, int devices, IReadOnlyList<District> districts)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", LiveSiloProcess.AdminKey);
        var credentials = new (string Username, string Password)[devices];
        var ids = new string[devices];
        await Parallel.ForEachAsync(Enumerable.Range(0, devices), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"live-bench-{i:00000}");
            var at = districts[i % districts.Count].InteriorPoint;
            using var response = await http.PutAsJsonAsync(
                new Uri($"api/v1/twins/{id}", UriKind.Relative),
                new { kind = "environment-sensor", name = id, location = new { lon = at.Longitude, lat = at.Latitude } },
                ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT /api/v1/twins/{id}: {(int)response.StatusCode} {body}");
            }

            var issued = JsonDocument.Parse(body).RootElement.GetProperty("credentials");
            ids[i] = id;
            credentials[i] = (issued.GetProperty("username").GetString()!, issued.GetProperty("password").GetString()!);
        });

        var connections = new MqttClientConnection[devices];
        await Parallel.ForEachAsync(Enumerable.Range(0, devices), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            connections[i] = await MqttClientConnection.ConnectAsync(
                new MqttClientOptions
                {
                    Host = "127.0.0.1",
                    Port = silo.MqttPort,
                    ClientId = ids[i],
                    Username = credentials[i].Username,
                    Password = Encoding.UTF8.GetBytes(credentials[i].Password),
                },
                null,
                ct);
        });

        return new LiveDeviceFleet(connections, [.. ids.Select(id => $"city/v1/environment-sensor/{id}/telemetry")]);
    }

    /// <summary>Publishes <paramref name="rate"/> messages a second in total, round robin over the devices, until stopped.</summary>
    public Task RunAsync(int rate, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(() => PublishAsync(p, rate / (double)Publishers, stop), CancellationToken.None)));

    private async Task PublishAsync(int publisher, double rate, CancellationToken stop)
    {
        var mine = Enumerable.Range(0, connections.Length).Where(i => i % Publishers == publisher).ToArray();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var next = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            if (sent >= due)
            {
                await Task.Delay(1, CancellationToken.None);
                continue;
            }

            for (; sent < due && !stop.IsCancellationRequested; sent++)
            {
                var device = mine[next];
                next = (next + 1) % mine.Length;
                var payload = Encoding.UTF8.GetBytes(string.Create(
                    CultureInfo.InvariantCulture,
                    $$$"""{"values":{"pm2_5":{{{(sent % 500) / 10.0}}},"{{{SentMetric}}}":{{{Math.Round(LiveClock.Microseconds)}}}}}"""));
                try
                {
                    await connections[device].PublishAsync(topics[device], payload, MqttQualityOfService.AtMostOnce, cancellationToken: CancellationToken.None);
                    Interlocked.Increment(ref published);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
