namespace SmartCity.Twin.Api.Tests.History;

/// <summary>
/// A silo clock that stands still until a test moves it. Timers made from it (background loops' delays) fire only when
/// <see cref="Advance"/> passes their due time, so a test decides when history is flushed and KPIs are sampled.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now;

    public ManualClock(DateTimeOffset start) => now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock to <paramref name="to"/> (never backwards) and fires the timers that fall due.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        ManualTimer[] due;
        lock (gate)
        {
            if (to > now)
            {
                now = to;
            }

            due = timers.Where(t => t.DueAt <= now).ToArray();
            foreach (var timer in due)
            {
                timer.DueAt = timer.Period > TimeSpan.Zero ? now + timer.Period : DateTimeOffset.MaxValue;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public void Advance(TimeSpan by) => MoveTo(GetUtcNow() + by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        return timer;
    }

    private void Remove(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; } = DateTimeOffset.MaxValue;

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
