using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Tests.Warnings.Sustained;

public sealed class SustainedConditionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RaiseAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ClearAfter = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_condition_begins_once_it_has_held_for_the_raise_time_and_not_a_reading_before()
    {
        var condition = new SustainedCondition();
        var transitions = Enumerable.Range(0, 7).Select(m => condition.Update(true, T0.AddMinutes(m), RaiseAfter, ClearAfter)).ToArray();

        Assert.Equal(
            [SustainedTransition.None, SustainedTransition.None, SustainedTransition.None, SustainedTransition.None, SustainedTransition.None, SustainedTransition.Began, SustainedTransition.None],
            transitions);
        Assert.Equal(T0, condition.HeldSince);
    }

    [Fact]
    public void One_reading_that_breaks_the_run_starts_the_count_again()
    {
        var condition = new SustainedCondition();
        condition.Update(true, T0, RaiseAfter, ClearAfter);
        condition.Update(true, T0.AddMinutes(4), RaiseAfter, ClearAfter);
        condition.Update(false, T0.AddMinutes(4.5), RaiseAfter, ClearAfter);

        Assert.Equal(SustainedTransition.None, condition.Update(true, T0.AddMinutes(5), RaiseAfter, ClearAfter));
        Assert.Equal(SustainedTransition.Began, condition.Update(true, T0.AddMinutes(10), RaiseAfter, ClearAfter));
        Assert.Equal(T0.AddMinutes(5), condition.HeldSince);
    }

    [Fact]
    public void An_active_condition_ends_only_after_the_clear_time_without_it()
    {
        var condition = new SustainedCondition();
        condition.Update(true, T0, RaiseAfter, ClearAfter);
        condition.Update(true, T0.AddMinutes(5), RaiseAfter, ClearAfter);

        Assert.Equal(SustainedTransition.None, condition.Update(false, T0.AddMinutes(6), RaiseAfter, ClearAfter));
        Assert.Equal(SustainedTransition.None, condition.Update(true, T0.AddMinutes(7), RaiseAfter, ClearAfter));
        Assert.Equal(SustainedTransition.None, condition.Update(false, T0.AddMinutes(8), RaiseAfter, ClearAfter));
        Assert.Equal(SustainedTransition.None, condition.Update(false, T0.AddMinutes(17.9), RaiseAfter, ClearAfter));
        Assert.Equal(SustainedTransition.Ended, condition.Update(false, T0.AddMinutes(18), RaiseAfter, ClearAfter));
        Assert.False(condition.IsActive);
    }

    [Fact]
    public void A_late_reading_older_than_the_newest_is_ignored()
    {
        var condition = new SustainedCondition();
        condition.Update(true, T0.AddMinutes(3), RaiseAfter, ClearAfter);

        Assert.Equal(SustainedTransition.None, condition.Update(true, T0.AddMinutes(-10), RaiseAfter, ClearAfter));
        Assert.Equal(T0.AddMinutes(3), condition.HeldSince);
    }
}
