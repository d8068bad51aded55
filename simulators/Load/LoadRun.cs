using System.Diagnostics;
using System.Globalization;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Provisioning;
using Spectre.Console;

namespace SmartCity.Twin.Simulators.Load;

/// <summary>
/// One load run: provision the devices through the API, connect them over MQTT, publish at the requested rate through a
/// warm-up and the measuring window while the hub and API probes watch the twins, then drain, tally and report.
/// </summary>
internal sealed class LoadRun(LoadSettings settings, IAnsiConsole console)
{
    private const int ProvisionParallelism = 16;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long the tally may stand still before the twins are taken to have caught up as far as they will.</summary>
    private static readonly TimeSpan TallyPatience = TimeSpan.FromSeconds(10);

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var map = ProvinceMap.Load(settings.ProvinceId);
        var devices = LoadLayout.Place(map, settings.Devices, settings.IdPrefix, settings.DistrictId);
        var problems = new List<string>();

        using var http = new HttpClient { BaseAddress = WithTrailingSlash(settings.Api), Timeout = TimeSpan.FromSeconds(60) };
        if (settings.ApiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        }

        var api = new TwinApiClient(http);
        var credentials = settings.BrokerOnly ? null : await ProvisionAsync(api, map, devices, cancellationToken).ConfigureAwait(false);

        await using var fleet = await WithProgressAsync(
            $"connecting {devices.Count:N0} devices to {settings.MqttHost}:{settings.MqttPort}",
            devices.Count,
            progress => LoadFleet.ConnectAsync(settings.MqttHost, settings.MqttPort, devices, credentials, progress, cancellationToken)).ConfigureAwait(false);
        if (fleet.ConnectFailures > 0)
        {
            problems.Add($"{fleet.ConnectFailures:N0} devices could not connect; the first: {fleet.FirstFailure}");
        }

        await using var hub = settings.BrokerOnly ? null : await HubLatencyProbe.ConnectAsync(
            settings.Api,
            settings.ApiKey,
            settings.DistrictId is null ? "SubscribeKind" : "SubscribeDistrict",
            settings.DistrictId ?? LoadDevice.Kind,
            settings.IdPrefix,
            cancellationToken).ConfigureAwait(false);
        var apiProbe = settings.BrokerOnly || settings.ApiProbeDevices == 0 ? null : new ApiLatencyProbe(api, ApiLatencyProbe.Sample(devices, settings.ApiProbeDevices), settings.ApiProbeInterval);

        using var stop = new CancellationTokenSource();
        var publishing = fleet.RunAsync(settings.Rate, settings.QualityOfService, settings.Publishers, stop.Token);
        var polling = apiProbe?.RunAsync(stop.Token) ?? Task.CompletedTask;
        LoadCounts before = default, after = default;
        var window = TimeSpan.Zero;
        try
        {
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var warmup = context.AddTask("warming up", maxValue: Math.Max(settings.Warmup.TotalSeconds, 0.001));
                await TickAsync(warmup, settings.Warmup, _ => "warming up", cancellationToken).ConfigureAwait(false);
                fleet.Record(on: true);
                hub?.Record(on: true);
                apiProbe?.Record(on: true);
                before = fleet.Counts;
                var clock = Stopwatch.StartNew();
                var measuring = context.AddTask("measuring", maxValue: settings.Duration.TotalSeconds);
                await TickAsync(measuring, settings.Duration, elapsed => Live(fleet.Counts.Since(before), elapsed), cancellationToken).ConfigureAwait(false);
                after = fleet.Counts;
                window = clock.Elapsed;
                fleet.Record(on: false);
                hub?.Record(on: false);
                apiProbe?.Record(on: false);
            }).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(publishing, polling).ConfigureAwait(false);
        }

        await fleet.DrainAsync(DrainTimeout).ConfigureAwait(false);
        var total = fleet.Counts;
        var twinsTook = settings.BrokerOnly ? null : await TallyAsync(http, devices, total, problems, cancellationToken).ConfigureAwait(false);
        if (fleet.FirstFailure is { } failure && fleet.ConnectFailures == 0)
        {
            problems.Add(failure);
        }

        if (hub?.Error is { } hubError)
        {
            problems.Add(hub.Reconnects > 0
                ? $"hub probe: the hub dropped the connection {(hub.Reconnects == 1 ? "once" : $"{hub.Reconnects:N0} times")}; the probe connected and subscribed again (the first time: {hubError})"
                : $"hub probe: {hubError}");
        }

        if (apiProbe is { Failures: > 0 })
        {
            problems.Add($"API probe: {apiProbe.Failures:N0} of {apiProbe.Polls + apiProbe.Failures:N0} polls failed; the first: {apiProbe.FirstFailure}");
        }

        return new LoadReport
        {
            Settings = settings,
            StartedUtc = started,
            Connected = fleet.Connected,
            ConnectFailures = fleet.ConnectFailures,
            Window = window > TimeSpan.Zero ? window : TimeSpan.FromTicks(1),
            Counts = after.Since(before),
            Total = total,
            Unacknowledged = fleet.Outstanding,
            TwinsTook = twinsTook,
            Acknowledgement = settings.QualityOfService == Gateways.Mqtt.Protocol.MqttQualityOfService.AtMostOnce ? null : fleet.Acknowledgements.Percentiles(),
            Hub = hub?.Latencies.Percentiles(),
            Api = apiProbe?.Latencies.Percentiles(),
            Refusals = [.. fleet.Refusals.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} (0x{(byte)r.Key:X2}) × {r.Value:N0}"))],
            Problems = problems,
        };
    }

    private static Uri WithTrailingSlash(Uri api) => api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");

    private static string Live(LoadCounts counts, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return string.Create(CultureInfo.InvariantCulture, $"measuring: {counts.Published / seconds:N0} msg/s published, {counts.Acknowledged / seconds:N0} acknowledged");
    }

    private static async Task TickAsync(ProgressTask task, TimeSpan length, Func<TimeSpan, string> describe, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < length)
            {
                var left = length - clock.Elapsed;
                await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                task.Value = Math.Min(clock.Elapsed.TotalSeconds, task.MaxValue);
                task.Description = describe(clock.Elapsed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C ends the window early; what was measured until then is still reported.
        }

        task.Value = task.MaxValue;
        task.StopTask();
    }

    private Task<IReadOnlyDictionary<string, (string Username, string Password)>> ProvisionAsync(
        TwinApiClient api, ProvinceMap map, IReadOnlyList<LoadDevice> devices, CancellationToken cancellationToken) =>
        WithProgressAsync($"provisioning {devices.Count:N0} twins through {settings.Api}", devices.Count, progress =>
        {
            var done = 0;
            return LoadProvisioning.ProvisionAsync(api, map, devices, ProvisionParallelism, () => progress.Report(Interlocked.Increment(ref done)), cancellationToken);
        });

    private async Task<long?> TallyAsync(HttpClient http, IReadOnlyList<LoadDevice> devices, LoadCounts total, List<string> problems, CancellationToken cancellationToken)
    {
        // A twin may take a message a while after its PUBACK left (an overloaded silo works through its backlog): read
        // until the tally reaches what was acknowledged, or stops growing for a while.
        var expected = settings.QualityOfService == Gateways.Mqtt.Protocol.MqttQualityOfService.AtMostOnce ? total.Published - total.Failed : total.Acknowledged;
        var sinceProgress = Stopwatch.StartNew();
        long? took = null;
        try
        {
            while (true)
            {
                var now = await TwinTally.CountAsync(http, devices, settings.DistrictId, cancellationToken).ConfigureAwait(false);
                if (now > took || took is null)
                {
                    sinceProgress.Restart();
                }

                took = now;
                if (took >= expected || sinceProgress.Elapsed > TallyPatience)
                {
                    break;
                }

                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            problems.Add($"could not count what the twins took: {e.Message}");
        }

        if (took < expected)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the twins show {took:N0} of the {expected:N0} messages acknowledged, and stopped catching up"));
        }

        return took;
    }

    private async Task<T> WithProgressAsync<T>(string description, int total, Func<IProgress<int>, Task<T>> work)
    {
        T result = default!;
        await console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask(description, maxValue: Math.Max(total, 1));
            result = await work(new Progress<int>(done => task.Value = Math.Max(task.Value, done))).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return result;
    }
}
