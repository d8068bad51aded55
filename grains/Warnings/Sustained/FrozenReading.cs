namespace SmartCity.Twin.Grains.Warnings.Sustained;

/// <summary>
/// Whether a metric that normally varies reads the very same value reading after reading: a stuck sensor (the same
/// value for at least a span and a number of readings). A reading of 0 never counts (an empty queue, a gas below its
/// detection limit). Unstuck by the first reading that differs. Part of a twin's persisted state.
/// </summary>
public class FrozenReading
{
    /// <summary>The value of the current run of equal readings.</summary>
    public double Value { get; set; } = double.NaN;

    /// <summary>Timestamp of the first reading of the run.</summary>
    public DateTimeOffset Since { get; set; }

    public int Readings { get; set; }

    public bool IsStuck { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    /// <param name="tolerance">How far apart two readings may be and still count as the same; 0: exactly equal.</param>
    public SustainedTransition Update(double value, DateTimeOffset at, TimeSpan after, int minReadings, double tolerance = 0)
    {
        if (LastAt is { } last && at <= last)
        {
            return SustainedTransition.None;
        }

        LastAt = at;
        if (value > 0 && Math.Abs(value - Value) <= tolerance)
        {
            Readings++;
            if (!IsStuck && Readings >= minReadings && at - Since >= after)
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
