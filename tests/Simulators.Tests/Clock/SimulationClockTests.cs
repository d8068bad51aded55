using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulators.Tests.Running;

namespace SmartCity.Twin.Simulators.Tests.Clock;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_accelerated_clock_runs_speed_times_faster_than_the_wall()
    {
        var wall = new SteppingTimeProvider(Now);
        var clock = new SimulationClock(wall, 60, Now.AddDays(-1));

        wall.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(Now.AddDays(-1).AddHours(2), clock.Now);
    }

    [Fact]
    public void The_clock_never_runs_ahead_of_the_wall_because_the_twin_refuses_future_readings()
    {
        var wall = new SteppingTimeProvider(Now);
        var clock = new SimulationClock(wall, 3600, Now.AddHours(-1));

        wall.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(wall.GetUtcNow(), clock.Now);
    }

    [Fact]
    public void A_run_of_known_length_starts_that_long_before_now_and_a_real_time_run_starts_now()
    {
        Assert.Equal(Now.AddHours(-6), SimulationClock.DefaultStart(Now, 100, TimeSpan.FromHours(6)));
        Assert.Equal(Now.AddDays(-1), SimulationClock.DefaultStart(Now, 100, null));
        Assert.Equal(Now, SimulationClock.DefaultStart(Now, 1, TimeSpan.FromHours(6)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void A_speed_below_real_time_is_refused(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationClock(TimeProvider.System, speed, Now));
    }
}
