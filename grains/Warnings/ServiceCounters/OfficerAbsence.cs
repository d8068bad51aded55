using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.ServiceCounters;

/// <summary>
/// When an officer away from the counter has been absent too long: only time within opening hours
/// (<see cref="PublicServiceHours"/>) counts, and each session counts on its own. An officer who leaves at 11:20 and
/// is not back by 13:45 is absent at 13:45 (15 minutes into the afternoon), not at 13:35: leaving ten minutes before
/// lunch and coming back five minutes late are two small lapses, not one long absence. An officer who never came back
/// after the evening is absent 15 minutes after the next opening.
/// </summary>
public static class OfficerAbsence
{
    /// <summary>Beyond this an absence never reaches its limit (a counter closed for two weeks is not an absent officer).</summary>
    private const int MaxDaysAhead = 14;

    /// <summary>
    /// The first instant at which <paramref name="limit"/> of one session's opening hours have passed since
    /// <paramref name="absentSince"/>; <see cref="DateTimeOffset.MaxValue"/> if none within two weeks.
    /// </summary>
    public static DateTimeOffset LimitReachedAt(DateTimeOffset absentSince, TimeSpan limit)
    {
        var needed = limit < TimeSpan.Zero ? TimeSpan.Zero : limit;
        var midnight = PublicServiceHours.StartOfDay(absentSince);
        for (var day = 0; day <= MaxDaysAhead; day++, midnight = midnight.AddDays(1))
        {
            foreach (var (open, close) in PublicServiceHours.Sessions(PublicServiceHours.ToLocal(midnight).DayOfWeek))
            {
                var from = midnight + open;
                if (from < absentSince)
                {
                    from = absentSince;
                }

                var to = midnight + close;
                if (to <= from)
                {
                    continue;
                }

                if (to - from >= needed)
                {
                    return from + needed;
                }
            }
        }

        return DateTimeOffset.MaxValue;
    }

    /// <summary>For operators: "Cán bộ vắng mặt tại quầy quá 15 phút trong giờ làm việc (rời quầy lúc 08:35)".</summary>
    public static string Message(DateTimeOffset absentSince, TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Cán bộ vắng mặt tại quầy quá {Minutes(limit)} trong giờ làm việc (rời quầy lúc {PublicServiceHours.ToLocal(absentSince):HH:mm dd/MM})");

    internal static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{(int)span.TotalMinutes} phút" : $"{(int)span.TotalSeconds} giây";
}
