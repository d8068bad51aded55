using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCity.Twin.Api.History;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Devices.ServiceCounters;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Province;
using SmartCity.Twin.Grains.Telemetry;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Api.Kpis;

/// <summary>
/// Once per history resolution, records each district's and the province's KPI series (<see cref="KpiMetrics"/>) into
/// the metric history: devices and how many are online, the worst VN_AQI, counters staffed against expected during
/// opening hours, queue length, and camera violations counted since the previous sample.
/// </summary>
/// <remarks>
/// Officer presence and violations come from the twins' change feed (this is an observer too); device counts and queue
/// lengths from the twin directory; the worst AQI from the province's district roll-ups. A counter whose presence was
/// not seen since start is asked once.
/// </remarks>
internal sealed class KpiSampler : BackgroundService, ITwinObserver
{
    private const int PageSize = 10_000;

    private readonly MetricHistoryRecorder history;
    private readonly IServiceProvider services;
    private readonly ProvinceMap map;
    private readonly TimeProvider clock;
    private readonly ILogger<KpiSampler> logger;
    private readonly ConcurrentDictionary<string, bool> officerPresent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ViolationCount> violations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sampling = new(1, 1);

    public KpiSampler(MetricHistoryRecorder history, IServiceProvider services, ProvinceMap map, TimeProvider clock, ILogger<KpiSampler> logger)
    {
        this.history = history;
        this.services = services;
        this.map = map;
        this.clock = clock;
        this.logger = logger;
    }

    public void OnDeviceChanged(DeviceTwinChange change)
    {
        switch (change.What)
        {
            case DeviceTwinChangeKind.Event when change.EventType == KpiMetrics.ViolationEvent && change.Twin.DistrictId is { } district:
                Interlocked.Increment(ref violations.GetOrAdd(district, static _ => new ViolationCount()).Value);
                break;
            case DeviceTwinChangeKind.Event when change.EventType == KpiMetrics.OfficerPresentEvent:
                officerPresent[change.Twin.Id] = true;
                break;
            case DeviceTwinChangeKind.Event when change.EventType == KpiMetrics.OfficerAbsentEvent:
                officerPresent[change.Twin.Id] = false;
                break;
            case DeviceTwinChangeKind.Removed:
                officerPresent.TryRemove(change.Twin.Id, out _);
                break;
        }
    }

    /// <summary>Takes one sample as of <paramref name="at"/> and records it in the metric history. The background loop calls it once per resolution.</summary>
    public async Task SampleAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await sampling.WaitAsync(cancellationToken);
        try
        {
            var directory = services.GetRequiredService<ITwinDirectory>();

            // Before the startup load completes the directory holds only twins that changed since start: counting
            // those would record a dip in availability that never happened.
            await directory.Loaded.WaitAsync(cancellationToken);
            var grains = services.GetRequiredService<IGrainFactory>();
            var districts = map.Districts.ToDictionary(d => d.Id, _ => new AreaSample(), StringComparer.Ordinal);
            var counters = new List<(string Id, AreaSample Area)>();

            string? after = null;
            while (true)
            {
                var page = directory.Query(TwinFilter.All, after, PageSize);
                foreach (var twin in page)
                {
                    if (twin.IsProvisioned && twin.DistrictId is { } districtId && districts.TryGetValue(districtId, out var area))
                    {
                        Count(twin, area, counters);
                    }
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].Id;
            }

            foreach (var (id, area) in counters)
            {
                if (!officerPresent.TryGetValue(id, out var present))
                {
                    var presence = await grains.GetGrain<IServiceCounterTwin>(id).GetOfficerPresence();
                    present = officerPresent.GetOrAdd(id, presence?.IsPresent ?? false);
                }

                if (present)
                {
                    area.Staffed++;
                }
            }

            foreach (var rollup in await grains.GetGrain<IProvinceTwin>(map.Id).GetDistrictRollups())
            {
                if (rollup.WorstAirQuality is { } worst && districts.TryGetValue(rollup.AreaId, out var area))
                {
                    area.WorstAqi = worst.Index;
                }
            }

            foreach (var (districtId, count) in violations)
            {
                if (districts.TryGetValue(districtId, out var area))
                {
                    area.Violations = Interlocked.Exchange(ref count.Value, 0);
                }
            }

            var isOpen = PublicServiceHours.IsOpen(at);
            var province = new AreaSample();
            foreach (var (districtId, area) in districts)
            {
                province.Add(area);
                history.Record(KpiAreas.DistrictSeries(districtId), PointsOf(area, at, isOpen));
            }

            history.Record(KpiAreas.ProvinceSeries(map.Id), PointsOf(province, at, isOpen));
        }
        finally
        {
            sampling.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Violations counted since the last sample would otherwise be lost with the process.
            await SampleAsync(clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception)
        {
            KpiLog.FinalSampleFailed(logger, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resolution = history.Resolution;
        while (!stoppingToken.IsCancellationRequested)
        {
            // One sample per bucket: wake just after the next bucket starts rather than every period, which drifts.
            var now = clock.GetUtcNow();
            var next = DateTimeOffset.FromUnixTimeSeconds(history.BucketStart(now)) + resolution;
            try
            {
                await Task.Delay(next - now + TimeSpan.FromMilliseconds(50), clock, stoppingToken);
                await SampleAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                KpiLog.SampleFailed(logger, exception);
            }
        }
    }

    private static void Count(DeviceTwinSummary twin, AreaSample area, List<(string Id, AreaSample Area)> counters)
    {
        area.Devices++;
        if (twin.Liveness == DeviceLiveness.Online)
        {
            area.Online++;
        }

        if (twin.Kind == DeviceKind.ServiceCounter)
        {
            area.Counters++;
            counters.Add((twin.Id, area));
            if (twin.FindMetric(KpiMetrics.CounterQueueMetric) is { } queue)
            {
                area.CountersWithQueue++;
                area.QueueSum += queue.Value;
            }
        }
    }

    private static List<TelemetryPoint> PointsOf(AreaSample area, DateTimeOffset at, bool isOpen)
    {
        var points = new List<TelemetryPoint>(7)
        {
            new(KpiMetrics.DevicesTotal, area.Devices, at),
            new(KpiMetrics.DevicesOnline, area.Online, at),
            new(KpiMetrics.TrafficViolations, area.Violations, at),
        };
        if (area.WorstAqi is { } aqi)
        {
            points.Add(new(KpiMetrics.WorstAqi, aqi, at));
        }

        if (isOpen && area.Counters > 0)
        {
            points.Add(new(KpiMetrics.CountersExpected, area.Counters, at));
            points.Add(new(KpiMetrics.CountersStaffed, area.Staffed, at));
        }

        if (area.CountersWithQueue > 0)
        {
            points.Add(new(KpiMetrics.QueueLength, area.QueueSum / area.CountersWithQueue, at));
        }

        return points;
    }
}
