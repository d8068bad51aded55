namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>The times of the last few events of one kind, oldest first, for counting bursts. Fixed capacity; stored as JSON.</summary>
internal sealed class EventTimes
{
    public const int Capacity = 12;

    /// <summary>Unix milliseconds; the first <see cref="Count"/> are used.</summary>
    public long[] Times { get; set; } = new long[Capacity];

    public int Count { get; set; }

    /// <summary>
    /// Records an event in time order: events may arrive a little out of order (a device's scripted and routine
    /// messages, a gateway's queue), and a burst is a burst whichever of its events came in first. One older than every
    /// event kept is ignored.
    /// </summary>
    public void Add(DateTimeOffset at)
    {
        if (Times is not { Length: Capacity } || Count is < 0 or > Capacity)
        {
            Times = new long[Capacity];
            Count = 0;
        }

        var time = at.ToUnixTimeMilliseconds();
        if (Count == Capacity)
        {
            if (time < Times[0])
            {
                return;
            }

            Array.Copy(Times, 1, Times, 0, Capacity - 1);
            Count--;
        }

        var index = Count;
        while (index > 0 && Times[index - 1] > time)
        {
            Times[index] = Times[index - 1];
            index--;
        }

        Times[index] = time;
        Count++;
    }

    /// <summary>How many events fall within <paramref name="window"/> up to the latest, and when the first of them was.</summary>
    public (int Count, DateTimeOffset First) InWindow(TimeSpan window)
    {
        if (Count == 0)
        {
            return (0, default);
        }

        var oldest = Times[Count - 1] - (long)window.TotalMilliseconds;
        var first = Count - 1;
        while (first > 0 && Times[first - 1] >= oldest)
        {
            first--;
        }

        return (Count - first, DateTimeOffset.FromUnixTimeMilliseconds(Times[first]));
    }
}
