using SmartCity.Twin.Benchmarks.Baselines;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Benchmarks.Grains;
using SmartCity.Twin.Benchmarks.Hosting;
using SmartCity.Twin.Benchmarks.Memory;
using SmartCity.Twin.Benchmarks.Reporting;
using SmartCity.Twin.Benchmarks.Workloads;
using SmartCity.Twin.Runtime.CodeGeneration;

namespace SmartCity.Twin.Benchmarks;

/// <summary>
/// The runtime load command: memory first (on a quiet heap), then the one-way workloads against both baselines,
/// request/response, and real twins, all in one process so the ratios compare like with like.
/// </summary>
internal sealed class RuntimeBenchmark(BenchmarkSettings settings)
{
    private readonly RuntimeReport report = new(settings);

    public async Task<RuntimeReport> RunAsync()
    {
        if (settings.Runs("memory"))
        {
            Log($"idle activation memory: {settings.IdleActivations:N0} grains");
            report.SetIdle(await IdleActivationMemory.MeasureAsync(settings.IdleActivations));
            foreach (var discard in new[] { false, true })
            {
                Log($"twin memory: {settings.MemoryTwins:N0} environment sensors, storage {(discard ? "discarded" : "in memory")}");
                report.Add(await TwinMemory.MeasureAsync(settings.MemoryTwins, discard));
            }
        }

        if (settings.Runs("oneway") || settings.Runs("rpc") || settings.Runs("twin"))
        {
            await using var silo = await BenchmarkSilo.StartAsync();
            if (settings.Runs("oneway"))
            {
                await RunOneWayAsync(silo);
            }

            if (settings.Runs("rpc"))
            {
                await RunRequestResponseAsync(silo);
            }

            if (settings.Runs("twin"))
            {
                await RunTwinsAsync(silo);
            }

            Log("stopping the silo (deactivates every grain)");
        }

        if (settings.Runs("detectors"))
        {
            await RunDetectorsAsync();
        }

        return report;
    }

    private async Task RunOneWayAsync(BenchmarkSilo silo)
    {
        var sink = new SinkGrainTarget(silo.Grains, settings.Grains);
        var requestType = typeof(ITelemetrySinkGrain).Assembly.GetTypes()
            .Single(t => t.BaseType == typeof(OneWayRequest) && t.Name.Contains(nameof(ITelemetrySinkGrain.Record), StringComparison.Ordinal));
        report.RequestObjectBytes = HeapProbe.InstanceSize(requestType);
        using var perEntity = new ChannelPerEntityTarget(settings.Grains);
        using var sharded = new ShardedChannelTarget(settings.Grains, Environment.ProcessorCount);
        IMessageTarget[] targets = [sink, perEntity, sharded];

        // Warm-up: activates every grain, starts every reader, and runs long enough for tiered JIT to settle.
        for (var t = 0; t < targets.Length; t++)
        {
            Log($"warm-up {targets[t].Name}: {settings.WarmupMessages:N0} messages");
            await OneWayWorkload.RunAsync(targets[t], settings.WarmupMessages, settings.Producers);
        }

        // Interleaved, so a noisy neighbour during one period affects one run of each rather than all runs of one.
        for (var r = 0; r < settings.Repeats; r++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                HeapProbe.LiveBytes();
                var result = await OneWayWorkload.RunAsync(targets[t], settings.Messages, settings.Producers);
                Log($"run {r + 1}/{settings.Repeats} {result.Name}: {result.PerSecond:N0} msg/s, {result.AllocatedBytesPerOperation:0.0} B/msg");
                report.Add(result);
            }
        }
    }

    private async Task RunRequestResponseAsync(BenchmarkSilo silo)
    {
        var grains = Enumerable.Range(0, settings.RpcGrains).Select(i => silo.Grains.GetGrain<ITelemetrySinkGrain>("rpc-" + i)).ToArray();
        Log($"request/response warm-up: {settings.RpcGrains:N0} grains, {settings.RpcCallers} callers");
        await RequestResponseWorkload.RunAsync(grains, settings.RpcCallers, TimeSpan.FromSeconds(settings.Quick ? 1 : 3));
        HeapProbe.LiveBytes();
        var result = await RequestResponseWorkload.RunAsync(grains, settings.RpcCallers, settings.RpcDuration);
        Log($"{result.Name}: {result.PerSecond:N0} calls/s, {result.AllocatedBytesPerOperation:0.0} B/call");
        report.SetRequestResponse(result);
    }

    private async Task RunTwinsAsync(BenchmarkSilo silo)
    {
        var fleet = new TwinFleet(silo.Grains, "sensor-", settings.Grains);
        Log($"provisioning {settings.Grains:N0} environment-sensor twins");
        await fleet.ProvisionAsync(silo.ProvinceMap);
        var target = new TwinTelemetryTarget(fleet);

        // Warm-up: the first report of each twin makes it online, persists and tells its district: not the steady state.
        Log($"warm-up {target.Name}: {Math.Max(settings.Grains, settings.WarmupMessages / 4):N0} messages");
        await OneWayWorkload.RunAsync(target, Math.Max(settings.Grains, settings.WarmupMessages / 4), settings.Producers);

        for (var r = 0; r < settings.Repeats; r++)
        {
            HeapProbe.LiveBytes();
            var result = await OneWayWorkload.RunAsync(target, settings.TwinMessages, settings.Producers);
            Log($"run {r + 1}/{settings.Repeats} {result.Name}: {result.PerSecond:N0} msg/s, {result.AllocatedBytesPerOperation:0.0} B/msg");
            report.Add(result);
        }
    }

    /// <summary>
    /// The same telemetry into two silos side by side, one whose twins run their detectors and one whose twins do not
    /// (Warnings:Enabled=false), interleaved run by run: what detection costs the telemetry path. Two kinds: air-quality
    /// stations reporting PM2.5 (VN_AQI, stuck, drift and spike rules) and fire panels reporting temperature (fixed
    /// temperature, rate of rise and the IID spike detector on every reading).
    /// </summary>
    private async Task RunDetectorsAsync()
    {
        await using var on = await BenchmarkSilo.StartAsync(detectors: true);
        await using var off = await BenchmarkSilo.StartAsync(detectors: false);
        var targets = new List<TwinTelemetryTarget>();

        // Clean air (30–38 µg/m³) and a warm room (28–36 °C): the detectors judge every point and raise nothing.
        foreach (var (kind, label, metric, baseline) in new[]
        {
            (DeviceKind.EnvironmentSensor, "air-quality stations, PM2.5", "pm2_5", 30.0),
            (DeviceKind.FireAlarm, "fire panels, temperature", "temperature", 28.0),
        })
        {
            var onName = $"twins: one-way {label}, detectors on";
            var offName = $"twins: one-way {label}, detectors off (baseline)";
            report.AddDetectorComparison(onName, offName);
            foreach (var (silo, name) in new[] { (on, onName), (off, offName) })
            {
                var fleet = new TwinFleet(silo.Grains, kind + "-", settings.Grains, kind);
                Log($"provisioning {settings.Grains:N0} twins for \"{name}\"");
                await fleet.ProvisionAsync(silo.ProvinceMap);
                var target = new TwinTelemetryTarget(fleet, name, metric, baseline);
                var warmup = Math.Max(settings.Grains * 4L, settings.WarmupMessages / 2);
                Log($"warm-up {name}: {warmup:N0} messages (the detectors' windows fill)");
                await OneWayWorkload.RunAsync(target, warmup, settings.Producers);
                targets.Add(target);
            }
        }

        for (var r = 0; r < settings.Repeats; r++)
        {
            foreach (var target in targets)
            {
                HeapProbe.LiveBytes();
                var result = await OneWayWorkload.RunAsync(target, settings.TwinMessages, settings.Producers);
                Log($"run {r + 1}/{settings.Repeats} {result.Name}: {result.PerSecond:N0} msg/s, {result.AllocatedBytesPerOperation:0.0} B/msg");
                report.Add(result);
            }
        }

        Log("stopping both silos");
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
