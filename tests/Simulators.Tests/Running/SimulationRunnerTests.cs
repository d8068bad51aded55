using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Simulation.Running;

namespace SmartCity.Twin.Simulators.Tests.Running;

public sealed class SimulationRunnerTests
{
    private static readonly ProvinceMap Map = ProvinceMap.Load(ProvinceMap.DefaultProvinceId);
    private static readonly SimulatedProvince Province = SimulatedProvince.Create(Map);
    private static readonly DateTimeOffset WallStart = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sends_everything_up_to_until_and_each_device_in_order()
    {
        var (runner, uplink, start) = Runner(new RecordingUplink());

        await runner.RunAsync(start.AddHours(2), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        var expected = Expected(start, start.AddHours(2));
        Assert.Equal(expected.Count, uplink.Count);
        Assert.Equal(expected.Count, runner.Statistics.Sent);
        Assert.Equal(start.AddHours(2), runner.Statistics.SimulatedNow);
        foreach (var (id, sent) in uplink.ByDevice)
        {
            Assert.Equal(expected.Where(m => m.Device.Id == id).Select(m => m.ToString()), sent.Select(m => m.ToString()));
        }
    }

    [Fact]
    public async Task Sends_different_devices_concurrently()
    {
        var (runner, uplink, start) = Runner(new RecordingUplink());

        await runner.RunAsync(start.AddMinutes(30), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(uplink.MaxInFlight > 1, $"at most {uplink.MaxInFlight} message in flight");
        Assert.InRange(uplink.MaxInFlight, 2, runner.Lanes);
    }

    [Fact]
    public async Task Counts_refused_and_failed_messages_and_keeps_going()
    {
        var uplink = new RecordingUplink
        {
            Refuse = m => m.Device.Id == "tb-aq-01" && m.Kind == DeviceMessageKind.Telemetry,
            Fail = m => m.Device.Id == "tb-fire-01" && m.Kind == DeviceMessageKind.Telemetry,
        };
        var (runner, _, start) = Runner(uplink);

        await runner.RunAsync(start.AddHours(1), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        var expected = Expected(start, start.AddHours(1));
        var refused = expected.Count(m => m.Device.Id == "tb-aq-01" && m.Kind == DeviceMessageKind.Telemetry);
        var failed = expected.Count(m => m.Device.Id == "tb-fire-01" && m.Kind == DeviceMessageKind.Telemetry);
        Assert.True(refused >= 60, $"{refused} refused");
        Assert.Equal(refused, runner.Statistics.Refused);
        Assert.Equal(failed, runner.Statistics.Failed);
        Assert.Equal(expected.Count - refused - failed, runner.Statistics.Sent);
        Assert.Contains("tb-", runner.Statistics.LastError, StringComparison.Ordinal);
        Assert.Equal(expected.Count(m => m.Kind == DeviceMessageKind.Online), runner.Statistics.SentOf(DeviceMessageKind.Online));
    }

    [Fact]
    public async Task Runs_until_cancelled_and_then_returns_without_an_exception()
    {
        using var cancel = new CancellationTokenSource();
        var accepted = 0;
        var uplink = new RecordingUplink
        {
            Accepted = _ =>
            {
                if (Interlocked.Increment(ref accepted) == 5_000)
                {
                    cancel.Cancel();
                }
            },
        };
        var (runner, _, _) = Runner(uplink);

        await runner.RunAsync(null, cancel.Token).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(runner.Statistics.Sent >= 5_000);
    }

    [Fact]
    public async Task A_slow_uplink_makes_the_run_lag_instead_of_queueing()
    {
        var wall = new SteppingTimeProvider(WallStart);
        var start = WallStart.AddDays(-1);
        var clock = new SimulationClock(wall, 3600, start);
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = start });

        // Every message costs a second of wall time: an hour of simulated time per second cannot keep up.
        var uplink = new RecordingUplink { Accepted = _ => wall.Advance(TimeSpan.FromSeconds(1)) };
        var runner = new SimulationRunner(simulation, clock, uplink, wall);

        await runner.RunAsync(start.AddMinutes(10), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(runner.Lag > TimeSpan.FromHours(1), $"lag {runner.Lag}");
        Assert.Equal(Expected(start, start.AddMinutes(10)).Count, uplink.Count);
    }

    private static (SimulationRunner Runner, RecordingUplink Uplink, DateTimeOffset Start) Runner(RecordingUplink uplink)
    {
        var wall = new SteppingTimeProvider(WallStart);
        var start = WallStart.AddDays(-1);
        var clock = new SimulationClock(wall, 3600, start);
        var simulation = new ProvinceSimulation(Province, new SimulationOptions { Start = start });
        return (new SimulationRunner(simulation, clock, uplink, wall), uplink, start);
    }

    /// <summary>What the same simulation produces in one go.</summary>
    private static List<DeviceMessage> Expected(DateTimeOffset start, DateTimeOffset until) =>
        [.. new ProvinceSimulation(Province, new SimulationOptions { Start = start }).Advance(until)];
}
