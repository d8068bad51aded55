using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Grains.Warnings.Fire;

/// <summary>
/// The fire rule on one panel's readings, by the readings' own timestamps: <c>fire</c> when the temperature reaches the
/// fixed point or rises faster than the rate of rise, <c>fire-pre-alarm</c> when smoke rises past the pre-alarm level
/// or temperature and smoke are both anomalous against the panel's own baseline. Each condition is latched in
/// <see cref="Watch"/> with the time it began and released only after <see cref="FireWarningOptions.ClearAfter"/> of
/// calm readings, so the grain raises once per episode.
/// </summary>
/// <remarks>
/// A rate of rise over one pair of readings is confirmed by smoke at the pre-alarm level or by the next reading still
/// rising fast: one glitching reading must not call the fire brigade, a real fire is seen within a reading. A drifting
/// sensor (a fraction of a degree per hour) never looks like a rate of rise; if it drifts to the fixed point it does
/// raise <c>fire</c>, as a real heat detector reading 57 °C would. Per reading: O(window), no allocation once the
/// watch and its detectors exist.
/// </remarks>
internal sealed class FireReadings
{
    public const string TemperatureMetric = "temperature";
    public const string SmokeMetric = "smoke";

    // Weight of a new reading in the temperature average: about the last 20 readings.
    private const double AverageWeight = 0.05;

    private readonly FireWarningOptions options;
    private readonly TimeSpan keep;
    private IidSpikeDetector? temperatureDetector;
    private IidSpikeDetector? smokeDetector;

    public FireReadings(FireWarningOptions options, FireWatch watch)
    {
        this.options = options;
        Watch = watch;
        keep = options.RateOfRiseMaximumSpan > options.AnomalyPairWindow ? options.RateOfRiseMaximumSpan : options.AnomalyPairWindow;
    }

    public FireWatch Watch { get; }

    /// <summary>Takes one reading; other metrics and readings older than the latest of their metric are ignored.</summary>
    public void Observe(string metric, double value, DateTimeOffset at)
    {
        if (string.Equals(metric, TemperatureMetric, StringComparison.Ordinal))
        {
            ObserveTemperature(value, at);
        }
        else if (string.Equals(metric, SmokeMetric, StringComparison.Ordinal))
        {
            ObserveSmoke(value, at);
        }
    }

    private void ObserveTemperature(double value, DateTimeOffset at)
    {
        var watch = Watch;
        if (!watch.Temperature.Add(at, value, keep))
        {
            return;
        }

        var rate = watch.Temperature.RisePerMinute(options.RateOfRiseMinimumSpan, options.RateOfRiseMaximumSpan);
        watch.RateOfRise = rate;
        var fixedPoint = value >= options.TemperatureCelsius;
        var rising = rate >= options.RateOfRiseCelsiusPerMinute;

        if (watch.FireSince is null)
        {
            if (fixedPoint)
            {
                BeginFire(FireCause.FixedTemperature, watch.RiseSeenAt is { } seen && rising ? seen : at, value, rate);
            }
            else if (rising)
            {
                if (watch.RiseSeenAt is { } seen)
                {
                    BeginFire(FireCause.RateOfRise, seen, value, rate);
                }
                else
                {
                    watch.RiseSeenAt = at;
                    if (SmokeConfirms(at))
                    {
                        BeginFire(FireCause.RateOfRise, at, value, rate);
                    }
                }
            }
            else
            {
                watch.RiseSeenAt = null;
            }
        }
        else
        {
            var calm = value < options.TemperatureCelsius - options.ClearMarginCelsius && !(rate >= options.RateOfRiseCelsiusPerMinute / 2);
            if (!calm)
            {
                watch.FireCalmSince = null;
            }
            else if (watch.FireCalmSince is not { } calmSince)
            {
                watch.FireCalmSince = at;
            }
            else if (at - calmSince >= options.ClearAfter)
            {
                EndFire();
            }
        }

        ObserveTemperatureBaseline(value, at);
    }

    private void ObserveSmoke(double value, DateTimeOffset at)
    {
        var watch = Watch;
        var previous = watch.Smoke.Count > 0 ? watch.Smoke.LatestValue() : (double?)null;
        if (!watch.Smoke.Add(at, value, keep))
        {
            return;
        }

        var above = value >= options.SmokeObscurationPercentPerMetre;
        if (watch.PreAlarmSince is null)
        {
            if (above && value > previous)
            {
                BeginPreAlarm(FireCause.SmokeRising, at, value);
            }
        }
        else if (above)
        {
            watch.PreAlarmCalmSince = null;
        }
        else if (watch.PreAlarmCalmSince is not { } calmSince)
        {
            watch.PreAlarmCalmSince = at;
        }
        else if (at - calmSince >= options.ClearAfter)
        {
            EndPreAlarm();
        }

        // A rise seen over one pair of temperature readings: smoke at the pre-alarm level confirms it now.
        if (watch.FireSince is null && watch.RiseSeenAt is { } seen && above && at - seen <= options.AnomalyPairWindow && at >= seen)
        {
            BeginFire(FireCause.RateOfRise, seen, watch.Temperature.LatestValue(), watch.RateOfRise);
        }

        ObserveSmokeBaseline(value, at);
    }

    /// <summary>Whether a smoke reading at the pre-alarm level was taken close to <paramref name="at"/>.</summary>
    private bool SmokeConfirms(DateTimeOffset at)
    {
        var smoke = Watch.Smoke;
        return smoke.Count > 0
            && smoke.LatestValue() >= options.SmokeObscurationPercentPerMetre
            && (at - smoke.LatestTime()).Duration() <= options.AnomalyPairWindow;
    }

    private void ObserveTemperatureBaseline(double value, DateTimeOffset at)
    {
        var watch = Watch;
        temperatureDetector ??= new IidSpikeDetector(DetectorOptions(), watch.TemperatureBaseline ??= new IidDetectorState());
        var score = temperatureDetector.Next(value);
        var average = watch.TemperatureAverage ?? value;
        if (score.IsAnomaly && value - average >= options.AnomalyTemperatureRiseCelsius)
        {
            watch.TemperatureAnomalyAt = at;
            CheckAnomalyPair();
        }

        watch.TemperatureAverage = average + (AverageWeight * (value - average));
    }

    private void ObserveSmokeBaseline(double value, DateTimeOffset at)
    {
        var watch = Watch;
        smokeDetector ??= new IidSpikeDetector(DetectorOptions(), watch.SmokeBaseline ??= new IidDetectorState());
        if (smokeDetector.Next(value).IsAnomaly && value >= options.AnomalySmokePercentPerMetre)
        {
            watch.SmokeAnomalyAt = at;
            CheckAnomalyPair();
        }
    }

    /// <summary>Temperature and smoke anomalous close together: a pre-alarm begins, or one in progress stays.</summary>
    private void CheckAnomalyPair()
    {
        var watch = Watch;
        if (watch.TemperatureAnomalyAt is not { } heat || watch.SmokeAnomalyAt is not { } smoke || (heat - smoke).Duration() > options.AnomalyPairWindow)
        {
            return;
        }

        if (watch.PreAlarmSince is null)
        {
            BeginPreAlarm(FireCause.Anomalies, heat < smoke ? heat : smoke, watch.Smoke.Count > 0 ? watch.Smoke.LatestValue() : 0);
        }
        else
        {
            watch.PreAlarmCalmSince = null;
        }
    }

    private IidSpikeOptions DetectorOptions() => new()
    {
        Confidence = options.AnomalyConfidence,
        PValueHistoryLength = options.AnomalyHistoryLength,
        Side = AnomalySide.Positive,
    };

    private void BeginFire(FireCause cause, DateTimeOffset since, double temperature, double? rate)
    {
        var watch = Watch;
        watch.FireSince = since;
        watch.FireCause = cause;
        watch.FireTemperature = temperature;
        watch.FireRateOfRise = rate;
        watch.FireCalmSince = null;
        watch.RiseSeenAt = null;
    }

    private void EndFire()
    {
        var watch = Watch;
        watch.FireSince = null;
        watch.FireCause = FireCause.None;
        watch.FireCalmSince = null;
        watch.FireRateOfRise = null;
    }

    private void BeginPreAlarm(FireCause cause, DateTimeOffset since, double smoke)
    {
        var watch = Watch;
        watch.PreAlarmSince = since;
        watch.PreAlarmCause = cause;
        watch.PreAlarmSmoke = smoke;
        watch.PreAlarmCalmSince = null;
    }

    private void EndPreAlarm()
    {
        var watch = Watch;
        watch.PreAlarmSince = null;
        watch.PreAlarmCause = FireCause.None;
        watch.PreAlarmCalmSince = null;
    }
}
