namespace SmartCity.Twin.Api.Kpis;

/// <summary>
/// When Vietnamese public-service centres (bộ phận một cửa) are open, in Vietnam time: Monday to Friday 07:30–11:30
/// and 13:00–17:00, Saturday morning 07:30–11:30. Counter staffing only counts against these hours.
/// </summary>
internal static class PublicServiceHours
{
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    private static readonly TimeOnly MorningOpens = new(7, 30);
    private static readonly TimeOnly MorningCloses = new(11, 30);
    private static readonly TimeOnly AfternoonOpens = new(13, 0);
    private static readonly TimeOnly AfternoonCloses = new(17, 0);

    /// <summary>Vietnam time (UTC+7, no daylight saving); a fixed zone if the system has no tz database.</summary>
    public static TimeZoneInfo TimeZone { get; } = FindTimeZone();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>Midnight starting the local day of <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    public static bool IsOpen(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var morning = time >= MorningOpens && time < MorningCloses;
        return local.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => morning,
            _ => morning || (time >= AfternoonOpens && time < AfternoonCloses),
        };
    }

    private static TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
