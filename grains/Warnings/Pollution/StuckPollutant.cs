using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>
/// Whether one pollutant's sensor is stuck: the same value (within <see cref="PollutionWarningOptions.StuckTolerance"/>)
/// for <see cref="PollutionWarningOptions.StuckAfter"/> and <see cref="PollutionWarningOptions.StuckReadings"/>. It
/// is unstuck by the first reading that differs. Part of the persisted environment-sensor state.
/// </summary>
public sealed class StuckPollutant
{
    public AirPollutant Pollutant { get; set; }

    /// <summary>The first value of the current run of equal readings.</summary>
    public double Value { get; set; } = double.NaN;

    /// <summary>Timestamp of the first reading of the run.</summary>
    public DateTimeOffset Since { get; set; }

    public int Readings { get; set; }

    public bool IsStuck { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public SustainedTransition Update(double value, DateTimeOffset at, PollutionWarningOptions options)
    {
        if (LastAt is { } last && at <= last)
        {
            return SustainedTransition.None;
        }

        LastAt = at;
        if (value > 0 && Math.Abs(value - Value) <= options.StuckTolerance)
        {
            Readings++;
            if (!IsStuck && Readings >= options.StuckReadings && at - Since >= options.StuckAfter)
            {
                IsStuck = true;
                return SustainedTransition.Began;
            }

            return SustainedTransition.None;
        }

        Value = value;
        Since = at;
        Readings = 1;
        if (IsStuck)
        {
            IsStuck = false;
            return SustainedTransition.Ended;
        }

        return SustainedTransition.None;
    }
}
