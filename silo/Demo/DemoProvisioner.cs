using System.Diagnostics;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Runtime;
using SmartCity.Twin.Silo.Health;
using SmartCity.Twin.Silo.Logging;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Silo.Demo;

/// <summary>
/// Provisions the demo province once the grain runtime is up, then marks the silo ready. Idempotent: a twin whose
/// name, location and attributes already match is left alone, so a restart neither rewrites nor resets its state.
/// </summary>
internal sealed class DemoProvisioner(
    IGrainFactory grains,
    ProvinceMap map,
    SiloReadiness readiness,
    IHostApplicationLifetime lifetime,
    ILogger<DemoProvisioner> logger) : BackgroundService
{
    // Enough to overlap storage round trips on two cores without flooding the runtime's mailboxes.
    private const int Parallelism = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains can be called only once the runtime's hosted service has started, which ApplicationStarted guarantees.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            var devices = SimulatedProvince.Create(map).Devices;
            SiloLog.DemoProvisioning(logger, map.Name, devices.Count);
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                devices,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                async (device, _) => await ProvisionAsync(device));
            SiloLog.DemoLoaded(logger, map.Name, devices.Count, clock.ElapsedMilliseconds);
            if (readiness.MarkDemoLoaded())
            {
                SiloLog.Ready(logger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the demo finished loading: nothing to report.
        }
        catch (Exception e)
        {
            SiloLog.DemoFailed(logger, e);
            readiness.MarkFailed("loading the demo province failed: " + e.Message);
        }
    }

    private async Task ProvisionAsync(SimulatedDevice device)
    {
        var twin = grains.GetDeviceTwin(device.Kind, device.Id);
        var wanted = new DeviceProvisioning(device.Name, device.Location, Attributes(device));
        var current = await twin.GetSnapshot();
        if (current.IsProvisioned
            && current.Name == wanted.Name
            && current.Location == wanted.Location
            && current.Attributes.Count == wanted.Attributes!.Count
            && wanted.Attributes.All(a => current.Attributes.TryGetValue(a.Key, out var value) && value == a.Value))
        {
            return;
        }

        await twin.Provision(wanted);
    }

    private static Dictionary<string, string> Attributes(SimulatedDevice device) => new(StringComparer.Ordinal)
    {
        ["site"] = device.Site,
        ["source"] = "demo",
    };
}
