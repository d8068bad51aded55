using System.Diagnostics;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Silo.Configuration;
using SmartCity.Twin.Silo.Health;
using SmartCity.Twin.Silo.Logging;
using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Silo.Demo;

/// <summary>
/// The demo province: once the grain runtime is up, provisions its devices and marks the silo ready, then (when
/// <see cref="DemoSettings.Live"/>) runs the simulators' generator in-process, so the devices report through the same
/// sink as MQTT devices until the silo stops. Registered after the runtime, so on shutdown the generator stops first
/// and the runtime then writes the twins' state.
/// </summary>
internal sealed class DemoProvince(
    DemoSettings settings,
    IGrainFactory grains,
    IDeviceMessageSink sink,
    ProvinceMap map,
    SiloReadiness readiness,
    IHostApplicationLifetime lifetime,
    TimeProvider wall,
    ILogger<DemoProvince> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForRuntimeAsync(stoppingToken))
        {
            return;
        }

        SimulatedProvince province;
        try
        {
            province = SimulatedProvince.Create(map, settings.Counts(DeviceCounts.For(map)), settings.Seed);
            SiloLog.DemoProvisioning(logger, map.Name, province.Devices.Count);
            var clock = Stopwatch.StartNew();
            await new DemoProvisioner(grains).ProvisionAsync(province.Devices, stoppingToken);
            SiloLog.DemoLoaded(logger, map.Name, province.Devices.Count, clock.ElapsedMilliseconds);
            if (readiness.MarkDemoLoaded())
            {
                SiloLog.Ready(logger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the demo finished loading: nothing to report.
            return;
        }
        catch (Exception e)
        {
            SiloLog.DemoFailed(logger, e);
            readiness.MarkFailed("loading the demo province failed: " + e.Message);
            return;
        }

        if (settings.Live)
        {
            await RunGeneratorAsync(province, stoppingToken);
        }
    }

    /// <summary>Grains can be called only once the runtime's hosted service has started, which ApplicationStarted guarantees.</summary>
    /// <returns><c>false</c> when the silo stops first.</returns>
    private async Task<bool> WaitForRuntimeAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Runs until the silo stops. A failure of the generator silences the province but never the silo: the twins,
    /// the API and real devices carry on, and the log says why the demo went quiet.
    /// </summary>
    private async Task RunGeneratorAsync(SimulatedProvince province, CancellationToken stoppingToken)
    {
        var start = SimulationClock.DefaultStart(wall.GetUtcNow(), settings.Speed, duration: null);
        SimulationRunner? runner = null;
        try
        {
            var simulation = new ProvinceSimulation(province, new SimulationOptions { Start = start, Seed = settings.Seed });
            await using var uplink = new InProcessUplink(sink, wall);
            runner = new SimulationRunner(simulation, new SimulationClock(wall, settings.Speed, start), uplink, wall);
            SiloLog.DemoLive(logger, map.Name, province.Devices.Count, settings.Speed, start);
            await runner.RunAsync(until: null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping: the summary below says how far the demo got.
        }
        catch (Exception e)
        {
            SiloLog.DemoGeneratorFailed(logger, e);
        }

        if (runner is not null)
        {
            var statistics = runner.Statistics;
            SiloLog.DemoStopped(logger, statistics.Sent, statistics.Refused, statistics.Failed, statistics.LastError ?? "none");
        }
    }
}
