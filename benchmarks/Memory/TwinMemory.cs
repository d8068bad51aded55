using SmartCity.Twin.Benchmarks.Hosting;
using SmartCity.Twin.Benchmarks.Workloads;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Benchmarks.Memory;

/// <summary>(c) What a provisioned environment-sensor twin with full history windows keeps alive in the silo.</summary>
internal static class TwinMemory
{
    /// <summary>What an air-quality station reports: the six VN_AQI pollutants plus temperature and humidity.</summary>
    private static readonly string[] Metrics =
    [
        PollutantMetrics.Pm25, PollutantMetrics.Pm10, PollutantMetrics.O3, PollutantMetrics.No2, PollutantMetrics.So2, PollutantMetrics.Co,
        "temperature", "humidity",
    ];

    /// <summary>
    /// With the in-memory provider the persist interval is shortened so that, when measured, the stored JSON copy holds
    /// the full history as it would 30 s later in production; with discarded storage the default applies.
    /// </summary>
    private static readonly TimeSpan ShortPersistInterval = TimeSpan.FromSeconds(1);

    public static async Task<TwinMemoryResult> MeasureAsync(int count, bool discardStorage)
    {
        var capacity = 0;
        await using var silo = await BenchmarkSilo.StartAsync(
            discardStorage,
            options =>
            {
                capacity = options.HistoryCapacity;
                if (!discardStorage)
                {
                    options.PersistInterval = ShortPersistInterval;
                }
            });

        // Warm-up: JIT, metric name pool, the district and province roll-up twins (shared by all devices, not per twin).
        var warm = new TwinFleet(silo.Grains, "warm-sensor-", 200);
        await FillAsync(warm, silo, capacity);

        // References are the gateway's, not the twin's: made before measuring.
        var fleet = new TwinFleet(silo.Grains, "sensor-", count);
        var empty = HeapProbe.LiveBytes();
        await FillAsync(fleet, silo, capacity);
        if (!discardStorage)
        {
            await Task.Delay(ShortPersistInterval * 3);
            await fleet.FlushAsync();
        }

        var full = HeapProbe.LiveBytes();

        var history = await fleet[count / 2].GetHistory(PollutantMetrics.Pm25);
        if (history.Samples.Count != capacity)
        {
            throw new InvalidOperationException($"Expected a full history window of {capacity} samples, found {history.Samples.Count}.");
        }

        return new TwinMemoryResult(
            discardStorage ? "none in process (as with the silo's SQLite/PostgreSQL)" : "in-memory provider (JSON copy of each state)",
            count,
            Metrics.Length,
            capacity,
            (double)(full - empty) / count);
    }

    private static async Task FillAsync(TwinFleet fleet, BenchmarkSilo silo, int samples)
    {
        await fleet.ProvisionAsync(silo.ProvinceMap);

        // One sample per minute for the last hour and a bit: every metric's window fills exactly, every second distinct.
        var now = DateTimeOffset.UtcNow;
        var points = new List<TelemetryPoint>();
        foreach (var metric in Metrics)
        {
            for (var k = 0; k < samples; k++)
            {
                points.Add(new TelemetryPoint(metric, 10 + k % 17, now.AddMinutes(k - samples)));
            }
        }

        var batch = new TelemetryBatch(points);
        await fleet.ForEachAsync(i => fleet[i].ReportTelemetry(batch));
        await fleet.FlushAsync();
    }
}
