using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Fire;

namespace SmartCity.Twin.Grains.Tests.Warnings.Fire;

public sealed class FireReadingsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly FireReadings rule = new(new FireWarningOptions(), new FireWatch());

    [Fact]
    public void A_temperature_of_56_9_is_no_fire_and_57_0_is_one_from_that_reading()
    {
        Feed(0, 30, 0.06);
        Feed(1, 56.9, 0.06);
        Feed(2, 56.9, 0.06);
        Assert.Null(rule.Watch.FireSince);

        Feed(3, 57.0, 0.06);

        Assert.Equal(At(3), rule.Watch.FireSince);
        Assert.Equal(FireCause.FixedTemperature, rule.Watch.FireCause);
        Assert.Equal(57.0, rule.Watch.FireTemperature);
    }

    [Fact]
    public void A_rise_just_above_the_rate_confirmed_by_the_next_reading_is_a_fire_from_the_first_steep_reading()
    {
        Feed(0, 30, 0.06);
        Feed(1, 38.4, 0.06);
        Assert.Null(rule.Watch.FireSince);

        Feed(2, 46.8, 0.06);

        Assert.Equal(At(1), rule.Watch.FireSince);
        Assert.Equal(FireCause.RateOfRise, rule.Watch.FireCause);
        Assert.Equal(8.4, rule.Watch.FireRateOfRise!.Value, 6);
    }

    [Fact]
    public void A_rise_just_below_the_rate_is_no_fire_however_long_it_lasts_below_57()
    {
        for (var minute = 0; minute <= 3; minute++)
        {
            Feed(minute, 30 + (8.2 * minute), 0.06);
        }

        Assert.Null(rule.Watch.FireSince);
        Assert.Equal(8.2, rule.Watch.RateOfRise!.Value, 6);
    }

    [Fact]
    public void One_glitching_reading_is_not_a_fire()
    {
        Feed(0, 30, 0.06);
        Feed(1, 44, 0.06);
        Feed(2, 30.2, 0.06);
        Feed(3, 30.1, 0.06);

        Assert.Null(rule.Watch.FireSince);
    }

    [Fact]
    public void Two_readings_seconds_apart_give_no_rate_of_rise()
    {
        Feed(0, 30, 0.06);
        rule.Observe(FireReadings.TemperatureMetric, 31, Start.AddSeconds(5));
        rule.Observe(FireReadings.TemperatureMetric, 32, Start.AddSeconds(10));

        Assert.Null(rule.Watch.RateOfRise);
        Assert.Null(rule.Watch.RiseSeenAt);
    }

    [Fact]
    public void A_steep_rise_with_smoke_at_the_pre_alarm_level_is_a_fire_at_once_whichever_metric_comes_first()
    {
        Feed(0, 30, 0.06);
        Feed(1, 39.6, 3.06);

        Assert.Equal(At(1), rule.Watch.FireSince);
        Assert.Equal(At(1), rule.Watch.PreAlarmSince);

        var other = new FireReadings(new FireWarningOptions(), new FireWatch());
        other.Observe(FireReadings.SmokeMetric, 0.06, At(0));
        other.Observe(FireReadings.TemperatureMetric, 30, At(0));
        other.Observe(FireReadings.SmokeMetric, 3.06, At(1));
        other.Observe(FireReadings.TemperatureMetric, 39.6, At(1));
        Assert.Equal(At(1), other.Watch.FireSince);
    }

    [Fact]
    public void Smoke_rising_past_one_percent_per_metre_is_a_pre_alarm_but_smoke_below_it_is_not()
    {
        Feed(0, 30, 0.06);
        Feed(1, 30, 0.5);
        Feed(2, 30, 0.9);
        Assert.Null(rule.Watch.PreAlarmSince);

        Feed(3, 30, 1.4);

        Assert.Equal(At(3), rule.Watch.PreAlarmSince);
        Assert.Equal(FireCause.SmokeRising, rule.Watch.PreAlarmCause);
        Assert.Null(rule.Watch.FireSince);
    }

    [Fact]
    public void A_fire_ends_only_after_ten_minutes_of_calm_readings()
    {
        Feed(0, 30, 0.06);
        Feed(1, 60, 0.06);
        Assert.NotNull(rule.Watch.FireSince);

        Feed(2, 55, 0.06); // below 57 but within the 3 °C margin: not calm
        for (var minute = 3; minute < 13; minute++)
        {
            Feed(minute, 40, 0.06);
        }

        Assert.NotNull(rule.Watch.FireSince);
        Feed(13, 40, 0.06);
        Assert.Null(rule.Watch.FireSince);
    }

    [Fact]
    public void A_sensor_drifting_to_60_degrees_over_days_raises_the_fixed_temperature_fire_never_a_rate_of_rise()
    {
        // 0.15 °C an hour, the simulator's drift, from 30 °C: 57 °C is reached after 180 hours.
        DateTimeOffset? firstFire = null;
        for (var minute = 0; minute <= 200 * 60; minute++)
        {
            var temperature = Math.Round(30 + (0.15 * minute / 60.0) + (0.15 * Math.Sin(minute)), 1);
            Feed(minute, temperature, 0.06 + (0.03 * Math.Abs(Math.Sin(minute * 1.7))));
            Assert.False(rule.Watch.RateOfRise >= 8.3 / 2, $"minute {minute}: rate {rule.Watch.RateOfRise}");
            if (rule.Watch.FireSince is { } since && firstFire is null)
            {
                firstFire = since;
                Assert.Equal(FireCause.FixedTemperature, rule.Watch.FireCause);
                Assert.True(rule.Watch.FireTemperature >= 57);
            }
        }

        Assert.NotNull(firstFire);
        Assert.InRange((firstFire.Value - Start).TotalHours, 178, 181);
    }

    [Fact]
    public void A_day_of_ordinary_readings_and_a_stuck_sensor_raise_nothing()
    {
        var random = new Random(7);
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var temperature = minute is > 600 and < 900 ? 29.4 : Math.Round(29 + (1.8 * Math.Sin(minute * Math.PI / 720)) + (random.NextDouble() * 0.3), 1);
            Feed(minute, temperature, Math.Round(0.06 + Math.Abs(random.NextDouble() * 0.1), 3));
        }

        Assert.Null(rule.Watch.FireSince);
        Assert.Null(rule.Watch.PreAlarmSince);
    }

    [Fact]
    public void A_late_reading_is_ignored_by_the_rule()
    {
        Feed(0, 30, 0.06);
        Feed(2, 30, 0.06);
        Feed(1, 70, 0.06);

        Assert.Null(rule.Watch.FireSince);
        Assert.Equal(30, rule.Watch.Temperature.LatestValue());
    }

    [Fact]
    public void Temperature_and_smoke_anomalous_together_against_the_panels_baseline_are_a_pre_alarm()
    {
        Baseline(130);

        Feed(130, 33.5, 0.6);

        Assert.Equal(At(130), rule.Watch.PreAlarmSince);
        Assert.Equal(FireCause.Anomalies, rule.Watch.PreAlarmCause);
        Assert.Null(rule.Watch.FireSince);
    }

    [Fact]
    public void A_temperature_anomaly_alone_or_a_smoke_anomaly_alone_is_no_pre_alarm()
    {
        Baseline(130);

        Feed(130, 33.5, 0.07);
        Feed(131, 29.6, 0.07);
        Feed(135, 29.5, 0.6);

        Assert.Null(rule.Watch.PreAlarmSince);
    }

    /// <summary>Minutes of an ordinary panel: 29.5 °C ± 0.2, smoke 0.06–0.1 %/m.</summary>
    private void Baseline(int minutes)
    {
        var random = new Random(11);
        for (var minute = 0; minute < minutes; minute++)
        {
            Feed(minute, Math.Round(29.5 + ((random.NextDouble() - 0.5) * 0.4), 1), Math.Round(0.06 + (random.NextDouble() * 0.04), 3));
        }
    }

    private void Feed(int minute, double temperature, double smoke)
    {
        rule.Observe(FireReadings.TemperatureMetric, temperature, At(minute));
        rule.Observe(FireReadings.SmokeMetric, smoke, At(minute));
    }

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);
}
