namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// Opening hours of a Vietnamese public-service centre (local time): Monday to Friday 07:30–11:30 and 13:30–17:00,
/// Saturday morning 07:30–11:30, closed on Sunday.
/// </summary>
internal static class ServiceCounterHours
{
    private static readonly (TimeSpan Open, TimeSpan Close) Morning = (new TimeSpan(7, 30, 0), new TimeSpan(11, 30, 0));
    private static readonly (TimeSpan Open, TimeSpan Close) Afternoon = (new TimeSpan(13, 30, 0), new TimeSpan(17, 0, 0));

    /// <summary>The day's sessions as (opening, closing) offsets from local midnight; none on Sunday.</summary>
    public static IReadOnlyList<(TimeSpan Open, TimeSpan Close)> Sessions(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => [],
        DayOfWeek.Saturday => [Morning],
        _ => [Morning, Afternoon],
    };

    public static bool IsOpen(DateTimeOffset at)
    {
        var time = ProvinceTime.Local(at).TimeOfDay;
        foreach (var (open, close) in Sessions(ProvinceTime.DayOfWeek(at)))
        {
            if (time >= open && time < close)
            {
                return true;
            }
        }

        return false;
    }
}
