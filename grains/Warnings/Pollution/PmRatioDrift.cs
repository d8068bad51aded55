namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>
/// Whether the PM2.5 or the PM10 sensor of a station is drifting: PM2.5 is part of PM10 and both fractions come from
/// the same air, so the ratio of their hourly means is a property of the place that a haze episode hardly moves,
/// whereas a sensor that slowly reads high pushes it away. The station's usual ratio is learnt (as a log, from hours
/// that look normal) and each complete hour is compared with it. Part of the persisted environment-sensor state.
/// </summary>
public sealed class PmRatioDrift
{
    /// <summary>The learnt mean of ln(PM2.5 / PM10) over complete hours.</summary>
    public double UsualLogRatio { get; set; }

    public int LearntHours { get; set; }

    /// <summary>Consecutive complete hours off the usual ratio, in the current direction.</summary>
    public int OffHours { get; set; }

    /// <summary>Start of the first of those hours.</summary>
    public DateTimeOffset? OffSince { get; set; }

    /// <summary>+1: PM2.5 reads high against PM10 (the ratio rose); −1: PM10 reads high (the ratio fell); 0: on course.</summary>
    public int Direction { get; set; }

    public bool IsDrifting { get; set; }

    /// <summary>The latest hour's ratio, for the warning's evidence.</summary>
    public double LatestRatio { get; set; } = double.NaN;

    public double UsualRatio() => Math.Exp(UsualLogRatio);

    /// <summary>Judges one complete clock hour starting at <paramref name="hour"/> from its mean PM2.5 and PM10 (µg/m³).</summary>
    public Sustained.SustainedTransition AddHour(DateTimeOffset hour, double pm25, double pm10, PollutionWarningOptions options)
    {
        if (!(pm25 > 0) || !(pm10 > 0) || !double.IsFinite(pm25) || !double.IsFinite(pm10))
        {
            return Sustained.SustainedTransition.None;
        }

        var logRatio = Math.Log(pm25 / pm10);
        LatestRatio = pm25 / pm10;
        var learnt = LearntHours >= options.DriftLearningHours;
        var limit = Math.Log(1 + options.DriftRatioChange);
        var deviation = logRatio - UsualLogRatio;
        var direction = !learnt ? 0 : deviation >= limit ? 1 : deviation <= -limit ? -1 : 0;
        if (direction == 0)
        {
            Learn(logRatio, options.DriftMemoryHours);
            Direction = 0;
            OffHours = 0;
            OffSince = null;
            if (IsDrifting)
            {
                IsDrifting = false;
                return Sustained.SustainedTransition.Ended;
            }

            return Sustained.SustainedTransition.None;
        }

        if (direction != Direction)
        {
            Direction = direction;
            OffHours = 0;
            OffSince = hour;
        }

        OffHours++;
        if (!IsDrifting && OffHours >= options.DriftHours)
        {
            IsDrifting = true;
            return Sustained.SustainedTransition.Began;
        }

        return Sustained.SustainedTransition.None;
    }

    private void Learn(double logRatio, int memory)
    {
        LearntHours = LearntHours == int.MaxValue ? LearntHours : LearntHours + 1;
        UsualLogRatio += (logRatio - UsualLogRatio) / Math.Min(LearntHours, Math.Max(1, memory));
    }
}
