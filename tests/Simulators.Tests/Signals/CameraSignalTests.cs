using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;

namespace SmartCity.Twin.Simulators.Tests.Signals;

public sealed class CameraSignalTests
{
    private static readonly List<DeviceMessage> Week = SimulatedDays.Run(DeviceKind.Camera, SimulatedDays.Monday, TimeSpan.FromDays(7));

    private static double EventsPerCameraHour(IEnumerable<DeviceMessage> events, SiteKind site, double fromHour, double toHour, Func<DateTimeOffset, bool> day)
    {
        var cameras = SimulatedDays.Province.Devices.Count(d => d.Kind == DeviceKind.Camera && d.SiteKind == site);
        var days = Enumerable.Range(0, 7).Count(i => day(SimulatedDays.Monday.AddDays(i)));
        var count = events.Where(m => m.Device.SiteKind == site && m.Kind == DeviceMessageKind.Event && day(m.At)).Between(fromHour, toHour).Count();
        return count / (cameras * days * (toHour - fromHour));
    }

    private static bool Weekday(DateTimeOffset at) => Simulation.Signals.ProvinceTime.DayOfWeek(at) is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void School_gates_are_busiest_when_pupils_arrive_and_leave_on_weekdays()
    {
        var arrival = EventsPerCameraHour(Week, SiteKind.School, 6.75, 7.25, Weekday);
        var lessons = EventsPerCameraHour(Week, SiteKind.School, 8.5, 10, Weekday);
        var night = EventsPerCameraHour(Week, SiteKind.School, 0, 5, Weekday);
        var departure = EventsPerCameraHour(Week, SiteKind.School, 16.5, 17.25, Weekday);
        var sunday = EventsPerCameraHour(Week, SiteKind.School, 6.75, 7.25, at => !Weekday(at));

        Assert.True(arrival > 4 * lessons, $"arrival {arrival:F1}/h, lessons {lessons:F1}/h");
        Assert.True(departure > 4 * lessons, $"departure {departure:F1}/h, lessons {lessons:F1}/h");
        Assert.True(lessons > 4 * night, $"lessons {lessons:F1}/h, night {night:F1}/h");
        Assert.True(arrival > 4 * sunday, $"weekday arrival {arrival:F1}/h, weekend {sunday:F1}/h");
    }

    [Fact]
    public void Hospitals_are_watched_around_the_clock_and_offices_in_opening_hours()
    {
        Assert.True(EventsPerCameraHour(Week, SiteKind.Hospital, 1, 4, _ => true) > 5);
        Assert.True(EventsPerCameraHour(Week, SiteKind.Office, 9, 11, Weekday) > 10 * EventsPerCameraHour(Week, SiteKind.Office, 20, 23, _ => true));
    }

    [Fact]
    public void Events_carry_a_type_zone_and_confidence()
    {
        var events = Week.Where(m => m.Kind == DeviceMessageKind.Event).ToList();

        Assert.True(events.Count > 10_000);
        Assert.All(events, m =>
        {
            Assert.Contains(m.EventType(), new[] { "motion", "person-present", "plate-read", "violation" });
            Assert.False(string.IsNullOrEmpty(m.Body!["zone"]?.GetValue<string>()));
            Assert.InRange(m.Body["confidence"]!.GetValue<double>(), 0, 1);
        });
        Assert.True(events.Count(m => m.EventType() == "motion") > events.Count(m => m.EventType() == "person-present"));
    }

    [Fact]
    public void Cameras_at_intersections_read_plates_and_see_the_odd_violation()
    {
        var map = ProvinceMap.Load("bac-ninh");
        var junctionCameras = SimulatedProvince.Create(map).Only(d => d.Kind == DeviceKind.Camera && d.SiteKind == SiteKind.Intersection);

        var events = SimulatedDays.Run(junctionCameras, SimulatedDays.Monday, TimeSpan.FromDays(1)).Where(m => m.Kind == DeviceMessageKind.Event).ToList();

        var plates = events.Where(m => m.EventType() == "plate-read").ToList();
        Assert.NotEmpty(plates);
        Assert.All(plates, m => Assert.Matches(@"^99[A-Z]-\d{3}\.\d{2}$", m.Body!["plate"]!.GetValue<string>()));
        Assert.Contains(events, m => m.EventType() == "violation");
    }

    [Fact]
    public void Cameras_report_a_people_count_every_five_minutes()
    {
        var heartbeats = Week.Where(m => m.Device.Id == "tb-cam-001" && m.Kind == DeviceMessageKind.Telemetry).ToList();

        Assert.All(heartbeats.Skip(1).Zip(heartbeats.Skip(2)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second.At - pair.First.At));
        Assert.All(heartbeats, m => Assert.True(m.Values!.ContainsKey("people_count")));
    }
}
