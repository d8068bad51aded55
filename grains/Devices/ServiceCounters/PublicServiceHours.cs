namespace SmartCity.Twin.Grains.Devices.ServiceCounters;

/// <summary>
/// When Vietnamese public-service centres (bộ phận một cửa) are open, in Vietnam time: Monday to Friday 07:30–11:30
/// and 13:30–17:00, Saturday 07:30–11:30, closed on Sunday. One definition for everything that judges counters: the
/// KPIs count staffing only in these hours and the simulators open their counters by them.
/// </summary>
public static class PublicServiceHours
{
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// Vietnam is UTC+7 all year (no daylight saving since 1975): a fixed offset gives the same local day on a machine
    /// with or without the tz database.
    /// </summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(7);

    private static readonly (TimeSpan Open, TimeSpan Close) Morning = (new TimeSpan(7, 30, 0), new TimeSpan(11, 30, 0));
    private static readonly (TimeSpan Open, TimeSpan Close) Afternoon = (new TimeSpan(13, 30, 0), new TimeSpan(17, 0, 0));

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(UtcOffset);

    /// <summary>Local midnight starting the day <paramref name="instant"/> falls on.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset instant) => new(ToLocal(instant).Date, UtcOffset);

    /// <summary>The local midnight starting <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), UtcOffset);

    /// <summary>The day's sessions as (opening, closing) offsets from local midnight; none on Sunday.</summary>
    public static IReadOnlyList<(TimeSpan Open, TimeSpan Close)> Sessions(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => [],
        DayOfWeek.Saturday => [Morning],
        _ => [Morning, Afternoon],
    };

    public static bool IsOpen(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = local.TimeOfDay;
        foreach (var (open, close) in Sessions(local.DayOfWeek))
        {
            if (time >= open && time < close)
            {
                return true;
            }
        }

        return false;
    }
}
