namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>
/// A camera's usual activity (motion and person events per hour) for each local hour of the day, learned from its own
/// events, 24 exponentially weighted rates; stored as JSON.
/// </summary>
/// <remarks>
/// The clock is the camera's: every event and every heartbeat reading moves it, and an hour is folded in once a later
/// hour is reached, with its count even if zero (a school's night teaches "nothing happens at 01:00"). The first hour
/// counts for the part of it that was watched, if at least a third. A camera is watched while its messages (events,
/// or the heartbeat readings analytics boxes send every few minutes) come at most <see cref="MaxGap"/> apart: an hour
/// with a longer gap is not learned, and hours wholly inside a gap are not learned as empty. An hour in which an
/// intrusion was in progress is not learned either: a burglar must not teach the camera that nights are busy. Until an
/// hour of the day is learned, the last learned hour stands in for it, then the running rate of the hour being
/// watched (smoothed towards the assumed rate).
/// </remarks>
internal sealed class HourlyActivity
{
    private const long HourMilliseconds = 3_600_000;

    /// <summary>Messages further apart than this mean the camera was not watching (off, or its connection dropped).</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(15);

    // The running rate counts this many hours of the assumed rate in, so twenty quiet minutes do not read as "never anything".
    private const double AssumedHours = 0.25;
    private const double Unlearned = -1;

    /// <summary>Events per hour by local hour of the day (UTC+7); negative until learned.</summary>
    public double[] Rates { get; set; } = NewRates();

    /// <summary>The rate of the hour folded in last; negative before the first.</summary>
    public double RecentRate { get; set; } = Unlearned;

    /// <summary>Start of the hour being counted, Unix milliseconds (UTC+7 is whole hours: UTC hours are local hours); 0 before the first message.</summary>
    public long HourStart { get; set; }

    /// <summary>Since when the hour being counted has been watched (its start, except for the very first hour).</summary>
    public long WatchedFrom { get; set; }

    public int HourCount { get; set; }

    /// <summary>Whether an intrusion was in progress in the hour being counted.</summary>
    public bool HourDisturbed { get; set; }

    /// <summary>The latest message, Unix milliseconds.</summary>
    public long LastMessage { get; set; }

    /// <summary>The camera's clock reached <paramref name="at"/>: folds in the hours that ended before it.</summary>
    public void Advance(DateTimeOffset at, double weight)
    {
        if (Rates is not { Length: 24 })
        {
            Rates = NewRates();
        }

        var time = at.ToUnixTimeMilliseconds();
        var hour = time - Mod(time, HourMilliseconds);
        if (HourStart == 0)
        {
            HourStart = hour;
            WatchedFrom = time;
            LastMessage = time;
            return;
        }

        var gap = time - LastMessage > (long)MaxGap.TotalMilliseconds;
        if (time > LastMessage)
        {
            LastMessage = time;
        }

        if (hour <= HourStart)
        {
            HourDisturbed |= gap && hour == HourStart;
            return;
        }

        var watched = (HourStart + HourMilliseconds - WatchedFrom) / (double)HourMilliseconds;
        if (!HourDisturbed && !gap && watched >= 1.0 / 3)
        {
            Fold(HourStart, HourCount / watched, weight);
        }

        if (!gap)
        {
            var empty = ((hour - HourStart) / HourMilliseconds) - 1;
            for (var i = 1; i <= empty; i++)
            {
                Fold(HourStart + (i * HourMilliseconds), 0, weight);
            }
        }

        HourStart = hour;
        WatchedFrom = gap ? time : hour;
        HourCount = 0;
        HourDisturbed = false;
    }

    /// <summary>Counts one motion or person event at <paramref name="at"/>; an event older than the hour being counted is not.</summary>
    public void Count(DateTimeOffset at, double weight, bool disturbed)
    {
        Advance(at, weight);
        var time = at.ToUnixTimeMilliseconds();
        if (time < HourStart)
        {
            return;
        }

        HourCount++;
        HourDisturbed |= disturbed;
    }

    /// <summary>
    /// The camera's usual events per hour at <paramref name="at"/>: the learned rate of that hour of the day (or of the
    /// next hour, if higher), else the last learned hour's, else the running rate of the hour being watched (after 20 minutes of it), else
    /// <paramref name="assumed"/>.
    /// </summary>
    public double UsualRate(DateTimeOffset at, double assumed)
    {
        var hour = LocalHour(at.ToUnixTimeMilliseconds());
        if (Rates is { Length: 24 } rates && rates[hour] is var learned and >= 0)
        {
            // An hour's average is low at its end when activity ramps up (a street waking at 05:00): the next hour's counts too.
            var next = rates[(hour + 1) % 24];
            return next > learned ? next : learned;
        }

        if (RecentRate >= 0)
        {
            return RecentRate;
        }

        var watchedHours = (at.ToUnixTimeMilliseconds() - WatchedFrom) / (double)HourMilliseconds;
        return HourStart != 0 && watchedHours >= 1.0 / 3 ? (HourCount + (assumed * AssumedHours)) / (watchedHours + AssumedHours) : assumed;
    }

    private void Fold(long hourStart, double rate, double weight)
    {
        var index = LocalHour(hourStart);
        Rates[index] = Rates[index] < 0 ? rate : Rates[index] + (weight * (rate - Rates[index]));
        RecentRate = rate;
    }

    private static double[] NewRates()
    {
        var rates = new double[24];
        Array.Fill(rates, Unlearned);
        return rates;
    }

    private static int LocalHour(long unixMilliseconds) => (int)(((Mod(unixMilliseconds, 24 * HourMilliseconds) / HourMilliseconds) + 7) % 24);

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
