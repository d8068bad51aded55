using SmartCity.Twin.Grains.Devices.Cameras;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Intrusion;

namespace SmartCity.Twin.Grains.Tests.Warnings.Intrusion;

public sealed class CameraRulesTests
{
    // 23:00 local (UTC+7) on Monday 2 March 2026.
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

    private readonly CameraRules rules = new(new CameraWarningOptions());
    private readonly CameraWatch watch = new();

    [Fact]
    public void An_intrusion_event_begins_an_intrusion_at_its_time()
    {
        var at = LateEvening.AddHours(-12);
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Intrusion, at, "restricted", Confidence: 0.93));

        Assert.Equal(at, watch.IntrusionSince);
        Assert.Equal(IntrusionCause.IntrusionEvent, watch.IntrusionCause);
    }

    [Fact]
    public void A_night_burst_whose_motions_arrive_out_of_order_is_still_an_intrusion_from_the_earliest()
    {
        Heartbeats(LateEvening.AddHours(-1), LateEvening.AddMinutes(18));
        var first = LateEvening.AddMinutes(18);
        foreach (var seconds in new[] { 30, 0, 60 })
        {
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(seconds), "pole", Confidence: 0.77));
        }

        Assert.Equal(first, watch.IntrusionSince);
        Assert.Equal(IntrusionCause.NightBurst, watch.IntrusionCause);
    }

    [Fact]
    public void Three_motions_in_a_minute_on_a_camera_quiet_at_night_are_an_intrusion_from_the_first()
    {
        Heartbeats(LateEvening.AddHours(-1), LateEvening.AddMinutes(18));
        var first = LateEvening.AddMinutes(18);
        for (var i = 0; i < 3; i++)
        {
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(30 * i), "pole", Confidence: 0.77));
            Assert.Equal(i == 2 ? first : null, watch.IntrusionSince);
        }

        Assert.Equal(IntrusionCause.NightBurst, watch.IntrusionCause);
        Assert.Equal(3, watch.IntrusionEvents);
    }

    [Fact]
    public void A_new_camera_assumes_a_busy_night_until_it_has_watched_for_twenty_minutes()
    {
        var first = LateEvening.AddMinutes(18);
        rules.ObserveTime(watch, first.AddMinutes(-5));
        for (var i = 0; i < 3; i++)
        {
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(30 * i), "pole"));
        }

        Assert.Null(watch.IntrusionSince);
    }

    [Fact]
    public void The_same_burst_in_daytime_is_nothing()
    {
        var noon = LateEvening.AddHours(-11);
        Heartbeats(noon.AddHours(-1), noon);
        for (var i = 0; i < 8; i++)
        {
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, noon.AddSeconds(15 * i), "gate"));
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.PersonPresent, noon.AddSeconds((15 * i) + 5), "gate"));
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.PlateRead, noon.AddSeconds((15 * i) + 7), "stop-line", "17A-123.45"));
        }

        Assert.Null(watch.IntrusionSince);
    }

    [Fact]
    public void A_camera_that_is_busy_at_night_needs_a_much_denser_burst()
    {
        // An hour of ten events (a hospital's night), then the same four motions in 90 s.
        var start = LateEvening.AddHours(-1);
        for (var i = 0; i < 10; i++)
        {
            rules.ObserveTime(watch, start.AddMinutes(6 * i));
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, start.AddMinutes(6 * i), "emergency"));
        }

        var first = LateEvening.AddMinutes(18);
        Heartbeats(LateEvening, first);
        for (var i = 0; i < 4; i++)
        {
            rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(30 * i), "emergency"));
        }

        Assert.Null(watch.IntrusionSince);

        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(95), "emergency"));
        Assert.Null(watch.IntrusionSince);

        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, first.AddSeconds(100), "emergency"));

        Assert.Equal(IntrusionCause.NightBurst, watch.IntrusionCause);
        Assert.Equal(6, watch.IntrusionEvents);
    }

    [Fact]
    public void Two_motions_in_the_restricted_zone_within_two_minutes_are_an_intrusion_from_the_first_one_is_not()
    {
        var morning = LateEvening.AddHours(-13);
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, morning, "restricted"));
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, morning.AddMinutes(5), "restricted"));
        Assert.Null(watch.IntrusionSince);

        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, morning.AddMinutes(6), "restricted"));

        Assert.Equal(morning.AddMinutes(5), watch.IntrusionSince);
        Assert.Equal(IntrusionCause.RestrictedZone, watch.IntrusionCause);
    }

    [Fact]
    public void An_intrusion_ends_after_fifteen_quiet_minutes_by_the_cameras_clock()
    {
        var at = LateEvening.AddHours(2);
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Intrusion, at));
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Intrusion, at.AddMinutes(4)));

        rules.ObserveTime(watch, at.AddMinutes(18));
        Assert.Equal(at, watch.IntrusionSince);

        rules.ObserveTime(watch, at.AddMinutes(19));
        Assert.Null(watch.IntrusionSince);
    }

    [Fact]
    public void An_event_in_the_smoke_zone_is_smoke_and_a_tamper_event_is_a_tamper_each_ending_after_its_quiet_period()
    {
        var at = LateEvening.AddHours(-8);
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Motion, at, "smoke", Confidence: 0.86));
        rules.Observe(watch, new CameraAnalyticsEvent(CameraEventType.Tamper, at.AddMinutes(1), Confidence: 0.9));

        Assert.Equal(at, watch.SmokeSince);
        Assert.Equal(0.86, watch.SmokeConfidence);
        Assert.Equal(at.AddMinutes(1), watch.TamperSince);
        Assert.Null(watch.IntrusionSince);

        rules.ObserveTime(watch, at.AddMinutes(15));
        Assert.Null(watch.SmokeSince);
        Assert.NotNull(watch.TamperSince);
        rules.ObserveTime(watch, at.AddMinutes(61));
        Assert.Null(watch.TamperSince);
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(1, 0, true)]
    [InlineData(4, 59, true)]
    [InlineData(5, 0, false)]
    [InlineData(12, 0, false)]
    public void Restricted_hours_run_from_22_00_to_05_00_local_time_across_midnight(int hour, int minute, bool restricted)
    {
        var local = new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(7));

        Assert.Equal(restricted, rules.IsRestrictedHour(local.ToUniversalTime()));
    }

    [Theory]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(1, 1.0, 0.6321205588)]
    [InlineData(3, 0.4, 0.0079263318)]
    [InlineData(4, 2.0, 0.1428765395)]
    public void The_poisson_tail_matches_hand_computed_values(int count, double mean, double expected)
    {
        Assert.Equal(expected, CameraRules.PoissonTail(count, mean), 8);
    }

    [Fact]
    public void The_hourly_baseline_learns_a_quiet_night_hour_as_zero_and_a_busy_one_as_its_rate()
    {
        var activity = new HourlyActivity();
        var start = LateEvening; // 23:00 local
        activity.Advance(start, 0.2);
        for (var i = 0; i < 12; i++)
        {
            activity.Count(start.AddMinutes(5 * i), 0.2, disturbed: false);
        }

        for (var minute = 60; minute <= 121; minute += 5)
        {
            activity.Advance(start.AddMinutes(minute), 0.2); // heartbeats to 01:01: 23:00 and the empty 00:00 are folded in
        }

        Assert.Equal(12, activity.Rates[23], 6);
        Assert.Equal(0, activity.Rates[0], 6);
        Assert.True(activity.Rates[1] < 0);
        Assert.Equal(0, activity.UsualRate(start.AddHours(2).AddMinutes(5), 99), 6); // 01:05 is not learned: the last learned hour stands in
    }

    [Fact]
    public void An_hour_with_a_gap_in_the_cameras_messages_is_not_learned_nor_the_hours_inside_the_gap()
    {
        var activity = new HourlyActivity();
        var start = LateEvening; // 23:00 local
        for (var minute = 0; minute <= 20; minute += 5)
        {
            activity.Count(start.AddMinutes(minute), 0.2, disturbed: false);
        }

        // Nothing from 23:20 until 02:10 (the connection dropped), then heartbeats again.
        for (var minute = 190; minute <= 241; minute += 5)
        {
            activity.Advance(start.AddMinutes(minute), 0.2);
        }

        Assert.True(activity.Rates[23] < 0);
        Assert.True(activity.Rates[0] < 0);
        Assert.True(activity.Rates[1] < 0);
        Assert.Equal(0, activity.Rates[2], 6); // 02:10–03:00 watched: more than a third of the hour, nothing seen
    }

    private void Heartbeats(DateTimeOffset from, DateTimeOffset until)
    {
        for (var at = from; at <= until; at = at.AddMinutes(5))
        {
            rules.ObserveTime(watch, at);
        }
    }
}
