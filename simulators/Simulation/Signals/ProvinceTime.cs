using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// Local time in Vietnam: UTC+7 all year (no daylight saving), as a fixed offset so a machine without the tz database
/// simulates the same day as one with it.
/// </summary>
internal static class ProvinceTime
{
    public static readonly TimeSpan Offset = PublicServiceHours.UtcOffset;

    public static DateTimeOffset Local(DateTimeOffset at) => PublicServiceHours.ToLocal(at);

    /// <summary>Hours since local midnight, e.g. 7.5 at 07:30.</summary>
    public static double HourOfDay(DateTimeOffset at) => Local(at).TimeOfDay.TotalHours;

    public static DayOfWeek DayOfWeek(DateTimeOffset at) => Local(at).DayOfWeek;

    /// <summary>Local midnight of the day <paramref name="at"/> falls on.</summary>
    public static DateTimeOffset Midnight(DateTimeOffset at) => PublicServiceHours.StartOfDay(at);

    /// <summary>Days since 2000-01-01 local: a stable number to seed what happens on one day.</summary>
    public static int DayNumber(DateTimeOffset at) => (int)(Local(at).Date - new DateTime(2000, 1, 1)).TotalDays;
}
