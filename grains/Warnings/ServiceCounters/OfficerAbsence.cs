using System.Globalization;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Grains.Warnings.ServiceCounters;

/// <summary>
/// When an officer away from the counter has been absent too long: only time within opening hours
/// (<see cref="PublicServiceHours"/>) counts, so a counter left at 11:20 reaches 15 minutes at 13:35, not 11:35, and an
/// officer who never came back after the evening reaches it 15 minutes after the next opening.
/// </summary>
public static class OfficerAbsence
{
    /// <summary>Beyond this an absence never reaches its limit (a counter closed for two weeks is not an absent officer).</summary>
    private const int MaxDaysAhead = 14;

    /// <summary>
    /// The instant the opening hours since <paramref name="absentSince"/> add up to <paramref name="limit"/>;
    /// <see cref="DateTimeOffset.MaxValue"/> if they never do within two weeks.
    /// </summary>
    public static DateTimeOffset LimitReachedAt(DateTimeOffset absentSince, TimeSpan limit)
    {
        var remaining = limit < TimeSpan.Zero ? TimeSpan.Zero : limit;
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

                if (to - from >= remaining)
                {
                    return from + remaining;
                }

                remaining -= to - from;
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
