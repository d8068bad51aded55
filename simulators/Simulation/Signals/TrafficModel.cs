namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// How busy the roads are, 0 (empty) to about 1 (evening rush): a quiet night, a morning rush around 07:00–08:30, a
/// steady day, and a bigger evening rush around 17:00–18:30 when offices, schools and factories let out together.
/// Weekends have a day without the rushes.
/// </summary>
internal static class TrafficModel
{
    public static double Level(DateTimeOffset at)
    {
        var hour = ProvinceTime.HourOfDay(at);
        var day = ProvinceTime.DayOfWeek(at);
        var weekend = day is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday;
        var daytime = DailyShape.Window(hour, 6.5, 21, 1.0);
        var morning = DailyShape.Bump(hour, 7.6, 0.8);
        var evening = DailyShape.Bump(hour, 17.6, 0.9);
        var rush = weekend ? 0.15 * (morning + evening) : (0.5 * morning) + (0.55 * evening);
        return 0.05 + (0.42 * daytime) + rush;
    }
}
