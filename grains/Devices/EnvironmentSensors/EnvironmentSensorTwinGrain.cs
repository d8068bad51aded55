using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Rollups;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Pollution;
using SmartCity.Twin.Grains.Warnings.Sustained;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.EnvironmentSensors;

/// <remarks>
/// Detectors (<see cref="PollutionWarningOptions"/>) run once per batch with pollutant readings, at the batch's newest
/// reading time: stuck sensors per reading, drift and the hourly PM2.5 profile once per complete clock hour, then the
/// pollution rules on the AQI of the pollutants without a sensor fault. The published AQI
/// (<see cref="GetAirQuality"/>, the roll-ups) still shows every pollutant.
/// </remarks>
[GrainType("environment-sensor")]
internal sealed class EnvironmentSensorTwinGrain(
    [PersistentState("twin")] IPersistentState<EnvironmentSensorTwinState> state,
    ProvinceMap provinceMap,
    TwinChangeFeed changes,
    IOptions<TwinOptions> options,
    IOptions<WarningOptions> warningOptions,
    ILogger<EnvironmentSensorTwinGrain> logger)
    : DeviceTwinGrain<EnvironmentSensorTwinState>(state, provinceMap, changes, options, logger), IEnvironmentSensorTwin
{
    private readonly WarningOptions warnings = warningOptions.Value;
    private AirQualityIndex? airQuality;
    private bool pollutantsChanged;
    private bool faultsChanged;
    private DateTimeOffset readingAt;

    protected override DeviceKind Kind => DeviceKind.EnvironmentSensor;

    protected override AirQualityContribution? AirQualityContribution =>
        airQuality is { } aqi ? new AirQualityContribution(aqi.Value, aqi.Band, aqi.DominantPollutant, aqi.Hour) : null;

    private PollutionWarningOptions Rules => warnings.Pollution;

    public Task<AirQualityIndex?> GetAirQuality() => Task.FromResult(airQuality);

    protected override void OnStateLoaded()
    {
        State.Pollutants = (State.Pollutants ?? []).Where(p => p.IsConsistent).ToArray();
        if (State.Profile is { IsConsistent: false })
        {
            State.Profile = null;
        }

        RecomputeAirQuality();
    }

    protected override void OnTelemetryRecorded(string metric, double value, DateTimeOffset timestamp)
    {
        if (!PollutantMetrics.TryGetPollutant(metric, out var pollutant))
        {
            return;
        }

        var averages = Array.Find(State.Pollutants, p => p.Pollutant == pollutant);
        if (averages is null)
        {
            averages = new HourlyAverages { Pollutant = pollutant };
            State.Pollutants = [.. State.Pollutants, averages];
        }

        if (!averages.Add(timestamp, value))
        {
            return;
        }

        State.LatestHour = Math.Max(State.LatestHour, HourlyAverages.HourOf(timestamp));
        pollutantsChanged = true;
        if (!warnings.Enabled)
        {
            return;
        }

        if (timestamp > readingAt)
        {
            readingAt = timestamp;
        }

        if (StuckWatch(pollutant).Update(value, timestamp, Rules) != SustainedTransition.None)
        {
            faultsChanged = true;
        }
    }

    protected override async Task OnTelemetryBatchRecordedAsync()
    {
        if (!pollutantsChanged)
        {
            return;
        }

        pollutantsChanged = false;
        RecomputeAirQuality();
        if (!warnings.Enabled)
        {
            return;
        }

        JudgeCompleteHours();
        if (faultsChanged)
        {
            faultsChanged = false;
            await JudgeSensorFaultAsync();
        }

        await JudgePollutionAsync();
    }

    private StuckPollutant StuckWatch(AirPollutant pollutant)
    {
        var watches = State.Stuck ??= [];
        foreach (var watch in watches)
        {
            if (watch.Pollutant == pollutant)
            {
                return watch;
            }
        }

        var added = new StuckPollutant { Pollutant = pollutant };
        State.Stuck = [.. watches, added];
        return added;
    }

    private bool IsFaulty(AirPollutant pollutant)
    {
        if (State.Drift is { IsDrifting: true } drift && pollutant == (drift.Direction > 0 ? AirPollutant.Pm25 : AirPollutant.Pm10))
        {
            return true;
        }

        foreach (var watch in State.Stuck ?? [])
        {
            if (watch.Pollutant == pollutant)
            {
                return watch.IsStuck;
            }
        }

        return false;
    }

    /// <summary>Gives each clock hour that has ended since the last batch to the drift and spike rules, once.</summary>
    private void JudgeCompleteHours()
    {
        var latest = State.LatestHour;
        var first = Math.Max(State.JudgedHour, latest - VnAqi.NowCastHours + 1);
        State.JudgedHour = Math.Max(State.JudgedHour, latest);
        var pm25 = Array.Find(State.Pollutants, p => p.Pollutant == AirPollutant.Pm25);
        if (pm25 is null)
        {
            return;
        }

        var pm10 = Array.Find(State.Pollutants, p => p.Pollutant == AirPollutant.Pm10);
        for (var hour = first; hour < latest; hour++)
        {
            var start = DateTimeOffset.FromUnixTimeSeconds(hour * 3600L);
            var (fine, fineReadings) = pm25.MeanOf(hour);
            if (fineReadings == 0 || StuckWatch(AirPollutant.Pm25).IsStuck)
            {
                continue;
            }

            if (!IsFaulty(AirPollutant.Pm25))
            {
                (State.Profile ??= new Pm25Spike()).LearnHour(start, fine, Rules);
            }

            if (pm10?.MeanOf(hour) is ({ } coarse, > 0) && !StuckWatch(AirPollutant.Pm10).IsStuck
                && (State.Drift ??= new PmRatioDrift()).AddHour(start, fine, coarse, Rules) != SustainedTransition.None)
            {
                faultsChanged = true;
            }
        }
    }

    /// <summary>Raises <c>sensor-fault</c> when a pollutant becomes faulty (again for each further one), clears it when none is.</summary>
    private async Task JudgeSensorFaultAsync()
    {
        var reported = State.FaultyPollutants ?? [];
        List<AirPollutant>? faulty = null;
        (string Message, DateTimeOffset Since, string Metric, double Value)? newest = null;
        foreach (var watch in State.Stuck ?? [])
        {
            if (watch.IsStuck)
            {
                (faulty ??= []).Add(watch.Pollutant);
                if (Array.IndexOf(reported, watch.Pollutant) < 0)
                {
                    newest = (PollutionMessages.Stuck(watch), watch.Since, MetricOf(watch.Pollutant), watch.Value);
                }
            }
        }

        if (State.Drift is { IsDrifting: true } drift)
        {
            var pollutant = drift.Direction > 0 ? AirPollutant.Pm25 : AirPollutant.Pm10;
            if (faulty?.Contains(pollutant) != true)
            {
                (faulty ??= []).Add(pollutant);
                if (Array.IndexOf(reported, pollutant) < 0)
                {
                    newest = (PollutionMessages.Drift(drift), drift.OffSince ?? readingAt, "pm2_5_pm10_ratio", Math.Round(drift.LatestRatio, 3));
                }
            }
        }

        if (faulty is null)
        {
            if (State.FaultyPollutants is not null)
            {
                State.FaultyPollutants = null;
                await ClearWarning(WarningTypes.SensorFault);
            }

            return;
        }

        State.FaultyPollutants = [.. faulty];
        if (newest is { } fault)
        {
            await RaiseWarning(WarningTypes.SensorFault, new WarningDetails(
                fault.Message,
                new Dictionary<string, double>(1, StringComparer.Ordinal) { [fault.Metric] = fault.Value },
                fault.Since));
        }
    }

    private static string MetricOf(AirPollutant pollutant) => pollutant switch
    {
        AirPollutant.Pm25 => PollutantMetrics.Pm25,
        AirPollutant.Pm10 => PollutantMetrics.Pm10,
        AirPollutant.O3 => PollutantMetrics.O3,
        AirPollutant.No2 => PollutantMetrics.No2,
        AirPollutant.So2 => PollutantMetrics.So2,
        _ => PollutantMetrics.Co,
    };

    private async Task JudgePollutionAsync()
    {
        var watch = State.Pollution ??= new PollutionWatch();
        var trusted = TrustedAirQuality();
        var (spike, mean, usual) = CurrentSpike();
        switch (watch.Update(trusted, spike, readingAt, Rules))
        {
            case PollutionDecision.Raise when !watch.RaisedForSpike && trusted is { } aqi:
                var since = watch.Onset() ?? readingAt;
                await RaiseWarning(WarningTypes.Pollution, new WarningDetails(
                    PollutionMessages.Exceedance(aqi, since),
                    Evidence(aqi),
                    since,
                    PollutionWatch.SeverityOf(aqi.Band)));
                break;
            case PollutionDecision.Raise:
                await RaiseWarning(WarningTypes.Pollution, new WarningDetails(
                    PollutionMessages.Spike(mean, usual, readingAt),
                    new Dictionary<string, double>(2, StringComparer.Ordinal) { [PollutantMetrics.Pm25] = Math.Round(mean, 1), ["pm2_5_usual"] = Math.Round(usual, 1) },
                    watch.Onset() ?? readingAt));
                break;
            case PollutionDecision.Clear:
                await ClearWarning(WarningTypes.Pollution);
                break;
        }
    }

    /// <summary>The hourly AQI of the pollutants without a sensor fault: the published one when there is no fault.</summary>
    private AirQualityIndex? TrustedAirQuality()
    {
        if (State.FaultyPollutants is null || State.Pollutants.Length == 0)
        {
            return airQuality;
        }

        var hourly = new Dictionary<AirPollutant, double[]>(State.Pollutants.Length);
        foreach (var averages in State.Pollutants)
        {
            if (!IsFaulty(averages.Pollutant))
            {
                hourly[averages.Pollutant] = averages.MostRecentFirst(State.LatestHour);
            }
        }

        return VnAqi.Hourly(DateTimeOffset.FromUnixTimeSeconds(State.LatestHour * 3600L), hourly);
    }

    /// <summary>Whether the current hour's running PM2.5 mean is a spike against the station's usual level at this hour.</summary>
    private (bool IsSpike, double Mean, double Usual) CurrentSpike()
    {
        if (State.Profile is not { } profile || IsFaulty(AirPollutant.Pm25)
            || Array.Find(State.Pollutants, p => p.Pollutant == AirPollutant.Pm25) is not { } pm25)
        {
            return (false, double.NaN, double.NaN);
        }

        var (mean, readings) = pm25.MeanOf(State.LatestHour);
        var hour = DateTimeOffset.FromUnixTimeSeconds(State.LatestHour * 3600L);
        if (readings < Rules.SpikeMinReadings || !profile.TryGetUsual(hour, Rules, out var usual))
        {
            return (false, mean, double.NaN);
        }

        return (profile.IsSpike(hour, mean, Rules), mean, usual);
    }

    /// <summary>The index, and the latest reading of each pollutant it was computed from.</summary>
    private Dictionary<string, double> Evidence(AirQualityIndex aqi)
    {
        var evidence = new Dictionary<string, double>(aqi.SubIndices.Count + 1, StringComparer.Ordinal) { ["aqi"] = aqi.Value };
        foreach (var series in State.Metrics)
        {
            if (series.HasLatest && PollutantMetrics.TryGetPollutant(series.Name, out var pollutant) && aqi.SubIndices.ContainsKey(pollutant))
            {
                evidence[series.Name] = series.LatestValue;
            }
        }

        return evidence;
    }

    private void RecomputeAirQuality()
    {
        if (State.Pollutants.Length == 0)
        {
            airQuality = null;
            return;
        }

        var hourly = State.Pollutants.ToDictionary(p => p.Pollutant, p => p.MostRecentFirst(State.LatestHour));
        airQuality = VnAqi.Hourly(DateTimeOffset.FromUnixTimeSeconds(State.LatestHour * 3600L), hourly);
    }
}
