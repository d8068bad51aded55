namespace SmartCity.Twin.Grains.Warnings.Fire;

/// <summary>
/// The last few readings of one metric in time order, for rules that look back a few minutes. Fixed capacity, no
/// allocation after creation; public properties so it is stored with the twin's state.
/// </summary>
internal sealed class ReadingWindow
{
    /// <summary>Enough for a 20-second panel's three minutes.</summary>
    public const int Capacity = 10;

    /// <summary>Reading times, Unix milliseconds, oldest first; the first <see cref="Count"/> are used.</summary>
    public long[] Times { get; set; } = new long[Capacity];

    public double[] Values { get; set; } = new double[Capacity];

    public int Count { get; set; }

    /// <summary>The latest reading's time; only when <see cref="Count"/> &gt; 0. (Methods, not properties: the state is stored as JSON.)</summary>
    public DateTimeOffset LatestTime() => DateTimeOffset.FromUnixTimeMilliseconds(Times[Count - 1]);

    public double LatestValue() => Values[Count - 1];

    /// <summary>
    /// Appends a reading and forgets those older than <paramref name="keep"/> before it. A reading not newer than the
    /// latest is refused (<c>false</c>): a late point belongs to the history, not to "what is happening now".
    /// </summary>
    public bool Add(DateTimeOffset at, double value, TimeSpan keep)
    {
        Normalize();
        var time = at.ToUnixTimeMilliseconds();
        if (Count > 0 && time <= Times[Count - 1])
        {
            return false;
        }

        var oldest = time - (long)keep.TotalMilliseconds;
        var drop = 0;
        while (drop < Count && Times[drop] < oldest)
        {
            drop++;
        }

        if (Count - drop == Capacity)
        {
            drop++;
        }

        if (drop > 0)
        {
            Array.Copy(Times, drop, Times, 0, Count - drop);
            Array.Copy(Values, drop, Values, 0, Count - drop);
            Count -= drop;
        }

        Times[Count] = time;
        Values[Count] = value;
        Count++;
        return true;
    }

    /// <summary>
    /// The rise per minute from the newest reading at least <paramref name="minimumSpan"/> before the latest to the
    /// latest, or <c>null</c> when there is none within <paramref name="maximumSpan"/>.
    /// </summary>
    public double? RisePerMinute(TimeSpan minimumSpan, TimeSpan maximumSpan)
    {
        if (Count < 2)
        {
            return null;
        }

        var latest = Times[Count - 1];
        var newestAllowed = latest - (long)minimumSpan.TotalMilliseconds;
        var oldestAllowed = latest - (long)maximumSpan.TotalMilliseconds;
        for (var i = Count - 2; i >= 0; i--)
        {
            if (Times[i] < oldestAllowed)
            {
                return null;
            }

            if (Times[i] <= newestAllowed)
            {
                var minutes = (latest - Times[i]) / 60_000.0;
                return (Values[Count - 1] - Values[i]) / minutes;
            }
        }

        return null;
    }

    /// <summary>The reading before the latest, if any.</summary>
    public double? PreviousValue() => Count >= 2 ? Values[Count - 2] : null;

    /// <summary>A window read from storage that does not fit (another capacity, a bad count) starts over: it holds minutes only.</summary>
    private void Normalize()
    {
        if (Times is not { Length: Capacity } || Values is not { Length: Capacity } || Count is < 0 or > Capacity)
        {
            Times = new long[Capacity];
            Values = new double[Capacity];
            Count = 0;
        }
    }
}
