using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// The second probe: an API client polling a few load devices' twins (<c>GET /api/v1/twins/{id}</c>) and, whenever a
/// twin shows a value it had not shown before, recording how long ago the device published it. A sample is at most one
/// poll interval (plus the request) later than the twin took the value, so these latencies are an upper bound.
/// </summary>
internal sealed class ApiLatencyProbe
{
    private readonly TwinApiClient api;
    private readonly IReadOnlyList<string> ids;
    private readonly TimeSpan pollInterval;
    private volatile bool recording;
    private long polls;
    private long failures;
    private string? firstFailure;

    public ApiLatencyProbe(TwinApiClient api, IReadOnlyList<string> ids, TimeSpan pollInterval)
    {
        this.api = api;
        this.ids = ids;
        this.pollInterval = pollInterval;
    }

    public LatencySamples Latencies { get; } = new();

    public long Polls => Interlocked.Read(ref polls);

    public long Failures => Interlocked.Read(ref failures);

    public string? FirstFailure => Volatile.Read(ref firstFailure);

    /// <summary>Up to <paramref name="count"/> devices spread evenly over the run's, so every district and publisher is sampled.</summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<LoadDevice> devices, int count)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var take = Math.Min(count, devices.Count);
        return [.. Enumerable.Range(0, take).Select(i => devices[(int)((long)i * devices.Count / take)].Id)];
    }

    public void Record(bool on) => recording = on;

    /// <summary>Polls every sampled twin once per poll interval until <paramref name="stop"/>.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(ids.Select(id => Task.Run(() => PollAsync(id, stop), CancellationToken.None)));

    private async Task PollAsync(string id, CancellationToken stop)
    {
        double? last = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var twin = await api.GetTwinAsync(id, stop).ConfigureAwait(false);
                var now = LoadClock.UnixMicroseconds;
                Interlocked.Increment(ref polls);
                if (LoadReadings.Sent(twin) is { } sent && sent != last)
                {
                    // The first value seen may have waited in the twin since before the probe looked: not a sample.
                    if (last is not null && recording)
                    {
                        Latencies.Add((now - sent) / 1000.0);
                    }

                    last = sent;
                }

                await Task.Delay(pollInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TwinApiException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
                Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                await Task.Delay(pollInterval, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
