using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// How often a camera's analytics see something (events per hour) by site and local time: school gates at the morning
/// arrival (06:45–07:15), the late-morning break (10:30–11:30) and the afternoon departure (16:30–17:15) on weekdays;
/// hospitals around the clock; offices in opening hours; intersections with the traffic; public places in daylight.
/// </summary>
internal static class CameraActivityModel
{
    public static double EventsPerHour(SiteKind site, DateTimeOffset at)
    {
        var hour = ProvinceTime.HourOfDay(at);
        var day = ProvinceTime.DayOfWeek(at);
        var weekday = day is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return site switch
        {
            SiteKind.School when weekday =>
                0.3 + (70 * DailyShape.Window(hour, 6.75, 7.25, 0.1)) + (35 * DailyShape.Window(hour, 10.5, 11.5, 0.1))
                + (55 * DailyShape.Window(hour, 16.5, 17.25, 0.1)) + (5 * DailyShape.Window(hour, 7.25, 16.5, 0.2)),
            SiteKind.School => 0.3 + (3 * DailyShape.Window(hour, 7, 17, 1)),
            SiteKind.Hospital => 10 + (18 * DailyShape.Window(hour, 6, 21, 1)),
            SiteKind.Office => PublicServiceHours.IsOpen(at) ? 25 : 0.5,
            SiteKind.Intersection => 3 + (50 * TrafficModel.Level(at)),
            _ => 1 + (20 * DailyShape.Window(hour, 5.5, 19, 1)),
        };
    }
}
