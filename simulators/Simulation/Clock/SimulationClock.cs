namespace SmartCity.Twin.Simulation.Clock;

/// <summary>
/// Simulated time: <c>Start + wall time elapsed × Speed</c>, but never later than the wall clock, because the twin
/// refuses readings from the future. An accelerated run therefore starts in the past (<see cref="DefaultStart"/>) and,
/// once it has caught up with now, goes on in real time.
/// </summary>
internal sealed class SimulationClock
{
    private readonly TimeProvider wall;
    private readonly long startedAt;

    public SimulationClock(TimeProvider wall, double speed, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed is at least 1 (real time).");
        }

        this.wall = wall;
        Speed = speed;
        Start = start;
        startedAt = wall.GetTimestamp();
    }

    public double Speed { get; }

    public DateTimeOffset Start { get; }

    /// <summary>The simulated now.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var simulated = Start + (wall.GetElapsedTime(startedAt) * Speed);
            var now = wall.GetUtcNow();
            return simulated < now ? simulated : now;
        }
    }

    /// <summary>
    /// Where a run at <paramref name="speed"/> starts so that it ends no later than now: <paramref name="duration"/>
    /// (simulated) before now when it is known, else one simulated day before now; now itself at real time.
    /// </summary>
    public static DateTimeOffset DefaultStart(DateTimeOffset now, double speed, TimeSpan? duration)
    {
        if (speed <= 1)
        {
            return now;
        }

        var span = duration ?? TimeSpan.FromDays(1);
        return now - span;
    }
}
