using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class ServiceCounterSignalTests
{
    private static readonly DateTimeOffset Monday = SimulatedDays.Monday;

    private static readonly List<DeviceMessage> Week = SimulatedDays.Run(DeviceKind.ServiceCounter, Monday, TimeSpan.FromDays(7));

    private static readonly List<string> Counters =
        [.. SimulatedDays.Province.Devices.Where(d => d.Kind == DeviceKind.ServiceCounter).Select(d => d.Id)];

    [Theory]
    [InlineData(6, 9, 0)] // Sunday
    [InlineData(1, 12, 30)] // Tuesday lunch break
    [InlineData(1, 20, 0)] // Tuesday evening
    [InlineData(5, 14, 0)] // Saturday afternoon
    public void Counters_are_closed_with_no_queue_and_no_officer(int day, int hour, int minute)
    {
        var at = Monday.AddDays(day).AddHours(hour).AddMinutes(minute);

        Assert.All(Counters, id =>
        {
            Assert.False(OfficerPresent(id, at), $"{id}: officer present at {at}");
            Assert.Equal(0, Queue(id, at));
        });
    }

    [Theory]
    [InlineData(1, 9, 0)] // Tuesday morning
    [InlineData(5, 8, 0)] // Saturday morning
    [InlineData(3, 15, 0)] // Thursday afternoon
    public void Counters_are_open_with_people_waiting_and_officers_at_most_of_them(int day, int hour, int minute)
    {
        var at = Monday.AddDays(day).AddHours(hour).AddMinutes(minute);

        Assert.True(Counters.Count(id => OfficerPresent(id, at)) >= Counters.Count * 0.7, $"officers at {at}");
        Assert.True(Counters.Count(id => Queue(id, at) > 0) >= Counters.Count * 0.7, $"queues at {at}");
    }

    [Fact]
    public void Queues_are_longest_in_the_middle_of_the_morning()
    {
        var workdays = Week.Where(m => m.At < Monday.AddDays(5)).ToList();

        Assert.True(workdays.Between(9, 10.5).Readings("queue_length").Average() > 1.5 * workdays.Between(7.75, 8).Readings("queue_length").Average());
        Assert.True(workdays.Between(9, 10.5).Readings("queue_length").Average() > workdays.Between(16, 17).Readings("queue_length").Average());
    }

    [Fact]
    public void Presence_events_mark_each_change_and_officers_arrive_around_opening()
    {
        var onTime = 0;
        foreach (var id in Counters)
        {
            var changes = Week.Where(m => m.Device.Id == id && m.EventType() is "officer-present" or "officer-absent").ToList();
            Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.NotEqual(pair.First.EventType(), pair.Second.EventType()));

            // An officer may step away right after arriving; most are at their desk within minutes of 07:30.
            var tuesdayArrival = changes.First(m => m.At > Monday.AddDays(1) && m.EventType() == "officer-present").At - Monday.AddDays(1);
            Assert.InRange(tuesdayArrival, new TimeSpan(7, 20, 0), new TimeSpan(8, 10, 0));
            onTime += tuesdayArrival <= new TimeSpan(7, 45, 0) ? 1 : 0;
        }

        Assert.True(onTime >= Counters.Count * 0.75, $"{onTime} of {Counters.Count} on time");
    }

    [Fact]
    public void Officers_step_away_now_and_then_during_opening_hours()
    {
        var absences = Week.Count(m => m.EventType() == "officer-absent" && Signals(m.At));

        Assert.True(absences > Counters.Count, $"{absences} absences in opening hours over a week");

        static bool Signals(DateTimeOffset at) => Grains.Devices.ServiceCounters.PublicServiceHours.IsOpen(at);
    }

    [Fact]
    public void Tickets_are_served_only_while_open()
    {
        Assert.All(Week.Where(m => !Grains.Devices.ServiceCounters.PublicServiceHours.IsOpen(m.At)).Readings("tickets_served"), served => Assert.Equal(0, served));
        Assert.True(Week.Readings("tickets_served").Sum() > 1_000);
    }

    private static bool OfficerPresent(string id, DateTimeOffset at) =>
        Week.LastOrDefault(m => m.Device.Id == id && m.At <= at && m.EventType() is "officer-present" or "officer-absent")?.EventType() == "officer-present";

    private static double Queue(string id, DateTimeOffset at) =>
        Week.Last(m => m.Device.Id == id && m.At <= at && m.Kind == DeviceMessageKind.Telemetry).Values!["queue_length"];
}
