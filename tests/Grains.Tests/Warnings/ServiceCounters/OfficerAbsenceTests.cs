using SmartCity.Twin.Grains.Warnings.ServiceCounters;

namespace SmartCity.Twin.Grains.Tests.Warnings.ServiceCounters;

public sealed class OfficerAbsenceTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 1, day, hour, minute, 0, Vietnam);

    [Fact]
    public void An_absence_in_opening_hours_reaches_the_limit_exactly_fifteen_minutes_later()
    {
        Assert.Equal(Local(5, 8, 50), OfficerAbsence.LimitReachedAt(Local(5, 8, 35), Limit));
    }

    [Fact]
    public void Each_session_counts_on_its_own_so_a_lapse_before_lunch_does_not_carry_into_the_afternoon()
    {
        // Left at 11:20 (Monday): 10 minutes until 11:30 is not enough; the afternoon's 15 minutes end at 13:45.
        Assert.Equal(Local(5, 13, 45), OfficerAbsence.LimitReachedAt(Local(5, 11, 20), Limit));
    }

    [Fact]
    public void An_absence_begun_before_opening_counts_from_the_opening()
    {
        Assert.Equal(Local(5, 7, 45), OfficerAbsence.LimitReachedAt(Local(5, 6, 0), Limit));
    }

    [Fact]
    public void An_officer_gone_on_Saturday_at_noon_reaches_the_limit_on_Monday_morning()
    {
        // Saturday 10 January: closed in the afternoon, closed on Sunday.
        Assert.Equal(Local(12, 7, 45), OfficerAbsence.LimitReachedAt(Local(10, 11, 40), Limit));
    }

    [Fact]
    public void An_evening_absence_reaches_the_limit_after_the_next_mornings_opening()
    {
        Assert.Equal(Local(6, 7, 45), OfficerAbsence.LimitReachedAt(Local(5, 16, 55), Limit));
    }
}
