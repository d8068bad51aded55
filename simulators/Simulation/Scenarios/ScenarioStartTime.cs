using SmartCity.Twin.Simulation.Signals;

namespace SmartCity.Twin.Simulation.Scenarios;

/// <summary>
/// When a scenario has to start in the province's local time (Asia/Ho_Chi_Minh, UTC+7 all year): a theft at night, a
/// gridlock at rush hour, an absent officer during opening hours.
/// </summary>
internal sealed record ScenarioStartTime(TimeOnly LocalTime, ScenarioDays Days)
{
    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975; no time-zone database needed.</summary>
    public static readonly TimeSpan LocalOffset = ProvinceTime.Offset;

    /// <summary>The latest moment at <see cref="LocalTime"/> on a matching day that is no later than <paramref name="latest"/>.</summary>
    public DateTimeOffset LatestOnOrBefore(DateTimeOffset latest)
    {
        var local = latest.ToOffset(LocalOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 8; i++, day = day.AddDays(-1))
        {
            var candidate = new DateTimeOffset(day.ToDateTime(LocalTime), LocalOffset);
            if (candidate <= latest && Matches(day.DayOfWeek))
            {
                return candidate.ToUniversalTime();
            }
        }

        throw new InvalidOperationException($"No day of the week matches {Days}.");
    }

    private bool Matches(DayOfWeek day) => Days switch
    {
        ScenarioDays.Weekdays => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
        ScenarioDays.Weekend => day is DayOfWeek.Saturday or DayOfWeek.Sunday,
        _ => true,
    };
}
