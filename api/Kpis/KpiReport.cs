using Microsoft.Extensions.DependencyInjection;
using SmartCity.Twin.Api.Alerts;
using SmartCity.Twin.Api.History;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Api.Kpis;

/// <summary>
/// Computes the KPIs of a range from the sampled series in the metric history, the twin directory (what is true now)
/// and the alert directory (alerts raised in the range).
/// </summary>
/// <remarks>
/// Each sampled bucket stands for one resolution interval, valued at its average: availability is online
/// device-minutes over device-minutes, the service level staffed counter-minutes over expected counter-minutes, and
/// the hours in an AQI band the intervals whose worst AQI fell in it.
/// </remarks>
internal sealed class KpiReport(MetricHistoryRecorder history, ProvinceMap map, IServiceProvider services)
{
    private const int PageSize = 10_000;

    public async Task<KpisResponse> BuildAsync(DateTimeOffset from, DateTimeOffset to, string? districtId, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<ITwinDirectory>();
        var alertDirectory = services.GetRequiredService<IAlertDirectory>();
        await Task.WhenAll(directory.Loaded, alertDirectory.Loaded).WaitAsync(cancellationToken);

        var live = map.Districts.ToDictionary(d => d.Id, _ => new LiveArea(), StringComparer.Ordinal);
        var provinceLive = new LiveArea();
        string? after = null;
        while (true)
        {
            var page = directory.Query(TwinFilter.All, after, PageSize);
            foreach (var twin in page)
            {
                if (twin.IsProvisioned && twin.DistrictId is { } id && live.TryGetValue(id, out var area))
                {
                    Count(area, twin.Liveness, twin.Kind, twin.ActiveWarnings);
                    Count(provinceLive, twin.Liveness, twin.Kind, twin.ActiveWarnings);
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        var raised = alertDirectory.RaisedBetween(from, to);
        var districts = new List<AreaKpis>();
        foreach (var district in map.Districts)
        {
            if (districtId is null || string.Equals(district.Id, districtId, StringComparison.Ordinal))
            {
                var alerts = raised.Where(a => string.Equals(a.DistrictId, district.Id, StringComparison.Ordinal));
                districts.Add(await AreaAsync(
                    district.Id, district.Name, "district", KpiAreas.DistrictSeries(district.Id), live[district.Id], alerts, from, to, cancellationToken));
            }
        }

        var province = districtId is null
            ? await AreaAsync(map.Id, map.Name, "province", KpiAreas.ProvinceSeries(map.Id), provinceLive, raised, from, to, cancellationToken)
            : null;
        return new KpisResponse(from, to, PublicServiceHours.TimeZoneId, QueryTime.Format(history.Resolution), province, districts);
    }

    private static void Count(LiveArea area, DeviceLiveness liveness, DeviceKind kind, IReadOnlyList<string> warnings)
    {
        area.Devices++;
        if (liveness == DeviceLiveness.Online)
        {
            area.Online++;
        }

        if (kind == DeviceKind.ServiceCounter)
        {
            area.Counters++;
        }

        foreach (var warning in warnings)
        {
            area.Warnings[warning] = area.Warnings.GetValueOrDefault(warning) + 1;
        }
    }

    private static double? Percent(double part, double whole) => whole > 0 ? Math.Round(part / whole * 100, 2) : null;

    private static double SumOfAverages(IReadOnlyList<MetricBucket> buckets) => buckets.Sum(b => b.Values.Average);

    private static AlertKpis AlertsOf(IEnumerable<AlertSnapshot> raised)
    {
        var list = raised.ToList();
        var acknowledged = list.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalSeconds).ToList();
        var resolved = list.Where(a => a.ResolvedAt is not null).Select(a => (a.ResolvedAt!.Value - a.RaisedAt).TotalSeconds).ToList();
        return new AlertKpis(
            list.Count,
            acknowledged.Count,
            resolved.Count,
            acknowledged.Count > 0 ? Math.Round(acknowledged.Average(), 1) : null,
            resolved.Count > 0 ? Math.Round(resolved.Average(), 1) : null);
    }

    private async Task<AreaKpis> AreaAsync(
        string id,
        string name,
        string level,
        string series,
        LiveArea live,
        IEnumerable<AlertSnapshot> alerts,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var fromSeconds = history.BucketStart(from);
        var toSeconds = to.ToUnixTimeSeconds() + (to.Ticks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
        Task<IReadOnlyList<MetricBucket>> Read(string metric) => history.ReadAsync(series, metric, fromSeconds, toSeconds, cancellationToken);

        var total = await Read(KpiMetrics.DevicesTotal);
        var online = await Read(KpiMetrics.DevicesOnline);
        var aqi = await Read(KpiMetrics.WorstAqi);
        var expected = await Read(KpiMetrics.CountersExpected);
        var staffed = await Read(KpiMetrics.CountersStaffed);
        var queue = await Read(KpiMetrics.QueueLength);
        var violations = await Read(KpiMetrics.TrafficViolations);

        var intervalMinutes = history.Resolution.TotalMinutes;
        var expectedMinutes = SumOfAverages(expected) * intervalMinutes;
        var staffedMinutes = SumOfAverages(staffed) * intervalMinutes;
        var queueCount = queue.Sum(b => b.Values.Count);

        return new AreaKpis(
            id,
            name,
            level,
            new DeviceKpis(live.Devices, live.Online, Percent(SumOfAverages(online), SumOfAverages(total))),
            live.Warnings,
            AlertsOf(alerts),
            AirQualityOf(aqi),
            new ServiceCounterKpis(
                live.Counters,
                Percent(staffedMinutes, expectedMinutes),
                Math.Round(staffedMinutes, 2),
                Math.Round(expectedMinutes, 2),
                queueCount > 0 ? Math.Round(queue.Sum(b => b.Values.Sum) / queueCount, 2) : null),
            ViolationsOf(violations, from, to));
    }

    private AirQualityKpis AirQualityOf(IReadOnlyList<MetricBucket> aqi)
    {
        var hours = new double[AirQualityBandInfo.All.Count];
        foreach (var bucket in aqi)
        {
            var index = (int)Math.Round(Math.Max(0, bucket.Values.Average), MidpointRounding.AwayFromZero);
            hours[(int)AirQualityBandInfo.BandOf(index)] += history.Resolution.TotalHours;
        }

        var bands = AirQualityBandInfo.All.Select(b => new AirQualityBandHours(b.Band, b.VietnameseName, Math.Round(hours[(int)b.Band], 4))).ToArray();
        if (aqi.Count == 0)
        {
            return new AirQualityKpis(null, null, null, bands);
        }

        var count = aqi.Sum(b => b.Values.Count);
        var worst = (int)Math.Round(aqi.Max(b => b.Values.Max), MidpointRounding.AwayFromZero);
        return new AirQualityKpis(Math.Round(aqi.Sum(b => b.Values.Sum) / count, 1), worst, AirQualityBandInfo.BandOf(Math.Max(0, worst)), bands);
    }

    private static TrafficViolationKpis ViolationsOf(IReadOnlyList<MetricBucket> violations, DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.FromDateTime(PublicServiceHours.ToLocal(from).DateTime);
        var last = DateOnly.FromDateTime(PublicServiceHours.ToLocal(to - TimeSpan.FromTicks(1)).DateTime);
        var perDay = new SortedDictionary<DateOnly, long>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            perDay[day] = 0;
        }

        foreach (var bucket in violations)
        {
            var day = DateOnly.FromDateTime(PublicServiceHours.ToLocal(DateTimeOffset.FromUnixTimeSeconds(bucket.Start)).DateTime);
            if (perDay.ContainsKey(day))
            {
                perDay[day] += (long)Math.Round(bucket.Values.Sum);
            }
        }

        var total = perDay.Values.Sum();
        return new TrafficViolationKpis(total, Math.Round(total / (double)perDay.Count, 2), perDay.Select(d => new ViolationDay(d.Key, d.Value)).ToArray());
    }
}
