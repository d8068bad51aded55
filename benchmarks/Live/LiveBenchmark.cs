using System.Diagnostics;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulators.Load;
using SmartCity.Twin.Simulators.Provisioning;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>
/// The live hub under load (docs/performance.md, "Live hub"): devices publish telemetry over MQTT at a fixed rate into
/// the silo; SignalR clients subscribed to districts report how old each value is when it reaches them. The devices and
/// the clients are the load generator's (<c>simulators load</c>): <see cref="LoadFleet"/> and <see cref="HubLatencyProbe"/>.
/// </summary>
internal sealed class LiveBenchmark(LiveBenchmarkSettings settings)
{
    private const string IdPrefix = "live-bench-";

    private const int Publishers = 4;

    public async Task<LiveBenchmarkReport> RunAsync()
    {
        var map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);
        var districts = map.Districts;
        Progress("starting the silo");
        await using var silo = await LiveSiloProcess.StartAsync(settings.MaxPushesPerSecond);
        Progress($"provisioning and connecting {settings.Devices:N0} devices");
        var devices = LoadLayout.Place(map, settings.Devices, IdPrefix);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", LiveSiloProcess.AdminKey);
        var credentials = await LoadProvisioning.ProvisionAsync(new TwinApiClient(http), map, devices, parallelism: 16, provisioned: null, CancellationToken.None);
        await using var fleet = await LoadFleet.ConnectAsync("127.0.0.1", silo.MqttPort, devices, credentials, connectedSoFar: null, CancellationToken.None);
        if (fleet.ConnectFailures > 0)
        {
            throw new InvalidOperationException($"{fleet.ConnectFailures} devices could not connect: {fleet.FirstFailure}");
        }

        Progress($"connecting {settings.Clients} hub clients");
        var receivers = new List<HubLatencyProbe>();
        try
        {
            for (var i = 0; i < settings.Clients; i++)
            {
                receivers.Add(await HubLatencyProbe.ConnectAsync(
                    silo.BaseAddress, LiveSiloProcess.AdminKey, "SubscribeDistrict", districts[i % districts.Count].Id, IdPrefix, CancellationToken.None));
            }

            using var stop = new CancellationTokenSource();
            Progress($"publishing {settings.Rate:N0} msg/s: warming up {settings.Warmup.TotalSeconds:0} s, measuring {settings.Duration.TotalSeconds:0} s");
            var load = fleet.RunAsync(settings.Rate, MqttQualityOfService.AtMostOnce, Publishers, stop.Token);
            await Task.Delay(settings.Warmup);

            foreach (var receiver in receivers)
            {
                receiver.Record(on: true);
            }

            var before = fleet.Counts;
            var cpuBefore = silo.CpuTime;
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(settings.Duration);
            foreach (var receiver in receivers)
            {
                receiver.Record(on: false);
            }

            var window = clock.Elapsed.TotalSeconds;
            var counts = fleet.Counts.Since(before);
            var cpu = (silo.CpuTime - cpuBefore).TotalSeconds;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
            await stop.CancelAsync();
            await load;

            var latencies = LatencySamples.Combine(receivers.Select(r => r.Latencies)).Percentiles();
            var report = new LiveBenchmarkReport(
                settings,
                districts.Count,
                counts.Published / window,
                fleet.Counts.Failed,
                receivers.Sum(r => r.DeltaMessages) / window,
                receivers.Sum(r => r.TwinUpdates) / window,
                receivers.Sum(r => r.Bytes) / window / 1_000_000,
                cpu / window,
                ownCpu / window,
                latencies);
            Progress($"p50 {report.Latencies.P50:0.0} ms, p99 {report.Latencies.P99:0.0} ms over {latencies.Samples:N0} samples");
            return report;
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"live: {message}");
}
