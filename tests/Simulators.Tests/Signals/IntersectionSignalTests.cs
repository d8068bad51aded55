using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class IntersectionSignalTests
{
    private static readonly List<DeviceMessage> Days = SimulatedDays.Run(DeviceKind.Intersection, SimulatedDays.Monday, TimeSpan.FromDays(2));

    private static double Vehicles(DeviceMessage m) =>
        m.Values!["approach.north.vehicles"] + m.Values["approach.south.vehicles"] + m.Values["approach.east.vehicles"] + m.Values["approach.west.vehicles"];

    [Fact]
    public void Every_approach_is_counted_every_30_seconds()
    {
        // The first reading comes as the controller connects; the schedule starts at its own phase after it.
        var one = Days.Where(m => m.Device.Id == "tb-ix-01" && m.Kind == DeviceMessageKind.Telemetry).Skip(1).ToList();

        Assert.All(one.Zip(one.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(30), pair.Second.At - pair.First.At));
        Assert.All(one, m => Assert.Equal(
            ["approach.east.vehicles", "approach.north.vehicles", "approach.south.vehicles", "approach.west.vehicles", "queue_length", "speed", "violations"],
            m.Values!.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Both_rush_hours_are_busy_slow_and_queued_and_the_night_is_quiet()
    {
        var telemetry = Days.Where(m => m.Kind == DeviceMessageKind.Telemetry).ToList();
        var morning = telemetry.Between(7, 8.5).ToList();
        var evening = telemetry.Between(17, 18.5).ToList();
        var night = telemetry.Between(1, 4).ToList();

        Assert.True(morning.Average(Vehicles) > 4 * night.Average(Vehicles));
        Assert.True(evening.Average(Vehicles) > 4 * night.Average(Vehicles));
        Assert.True(evening.Readings("queue_length").Average() > 3 * night.Readings("queue_length").Average());
        Assert.True(evening.Readings("speed").Average() < night.Readings("speed").Average() - 10);
    }

    [Fact]
    public void Signals_alternate_north_south_and_east_west_green_by_day_and_flash_yellow_at_night()
    {
        var phases = Days.Where(m => m.Device.Id == "tb-ix-01" && m.EventType() == "phase").ToList();
        var daytime = phases.Between(6, 22).Select(m => m.Body!["phase"]!.GetValue<string>()).ToList();

        Assert.All(daytime.Zip(daytime.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(daytime, phase => Assert.Contains(phase, new[] { "NS-green", "EW-green" }));
        Assert.All(phases.Between(0, 5), m => Assert.Equal("flashing-yellow", m.Body!["phase"]!.GetValue<string>()));
        var greens = phases.Between(6, 22).ToList();
        Assert.All(greens.Zip(greens.Skip(1)).Where(p => p.Second.At - p.First.At < TimeSpan.FromHours(1)),
            pair => Assert.InRange(pair.Second.At - pair.First.At, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(60)));
    }
}
