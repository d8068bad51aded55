using System.Diagnostics;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Benchmarks.Live;

/// <summary>
/// The live hub under load (docs/performance.md, "Live hub"): devices publish telemetry over MQTT at a fixed rate into
/// the silo; SignalR clients subscribed to districts report how old each value is when it reaches them.
/// </summary>
internal sealed class LiveBenchmark(LiveBenchmarkSettings settings)
{
    public async Task<LiveBenchmarkReport> RunAsync()
    {
        var districts = ProvinceMap.Load(ProvinceMap.DefaultProvinceId).Districts;
        Progress("starting the silo");
        await using var silo = await LiveSiloProcess.StartAsync(settings.MaxPushesPerSecond);
        Progress($"provisioning and connecting {settings.Devices:N0} devices");
        await using var fleet = await LiveDeviceFleet.StartAsync(silo, settings.Devices, districts);
        Progress($"connecting {settings.Clients} hub clients");
        var receivers = new List<LiveHubReceiver>();
        try
        {
            for (var i = 0; i < settings.Clients; i++)
            {
                receivers.Add(await LiveHubReceiver.ConnectAsync(silo.BaseAddress, districts[i % districts.Count].Id));
            }

            using var stop = new CancellationTokenSource();
            Progress($"publishing {settings.Rate:N0} msg/s: warming up {settings.Warmup.TotalSeconds:0} s, measuring {settings.Duration.TotalSeconds:0} s");
            var load = fleet.RunAsync(settings.Rate, stop.Token);
            await Task.Delay(settings.Warmup);

            foreach (var receiver in receivers)
            {
                receiver.Record(on: true);
            }

            var publishedBefore = fleet.Published;
            var cpuBefore = silo.CpuTime;
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(settings.Duration);
            foreach (var receiver in receivers)
            {
                receiver.Record(on: false);
            }

            var window = clock.Elapsed.TotalSeconds;
            var published = fleet.Published - publishedBefore;
            var cpu = (silo.CpuTime - cpuBefore).TotalSeconds;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
            await stop.CancelAsync();
            await load;

            // Let a receiver finish the record it is in before its list is read.
            await Task.Delay(200);
            var latencies = receivers.SelectMany(r => r.LatenciesMs).Order().ToList();
            var report = new LiveBenchmarkReport(
                settings,
                districts.Count,
                published / window,
                fleet.Failed,
                receivers.Sum(r => r.DeltaMessages) / window,
                receivers.Sum(r => r.TwinUpdates) / window,
                receivers.Sum(r => r.Bytes) / window / 1_000_000,
                cpu / window,
                ownCpu / window,
                latencies);
            Progress($"p50 {report.Percentile(50):0.0} ms, p99 {report.Percentile(99):0.0} ms over {latencies.Count:N0} samples");
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
