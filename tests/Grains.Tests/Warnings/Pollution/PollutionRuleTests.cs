using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Warnings;
using SmartCity.Twin.Grains.Warnings.Pollution;
using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Tests.Warnings.Pollution;

public sealed class PollutionRuleTests
{
    private static readonly PollutionWarningOptions Options = new();
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 20, 0, 0, TimeSpan.Zero); // 03:00 in Vietnam

    private static AirQualityIndex Aqi(int value) =>
        new(value, AirQualityBandInfo.BandOf(value), AirPollutant.Pm25, T0, new Dictionary<AirPollutant, int> { [AirPollutant.Pm25] = value });

    [Fact]
    public void An_AQI_at_151_for_59_minutes_is_not_pollution_and_for_an_hour_is_from_its_first_reading()
    {
        var watch = new PollutionWatch();
        for (var minute = 0; minute < 60; minute++)
        {
            Assert.Equal(PollutionDecision.None, watch.Update(Aqi(151), false, T0.AddMinutes(minute), Options));
        }

        Assert.Equal(PollutionDecision.Raise, watch.Update(Aqi(151), false, T0.AddMinutes(60), Options));
        Assert.Equal(T0, watch.Onset());
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(160), false, T0.AddMinutes(61), Options));
    }

    [Fact]
    public void An_AQI_of_150_is_never_pollution()
    {
        var watch = new PollutionWatch();
        for (var minute = 0; minute < 300; minute++)
        {
            Assert.Equal(PollutionDecision.None, watch.Update(Aqi(150), false, T0.AddMinutes(minute), Options));
        }
    }

    [Fact]
    public void A_worse_band_raises_again_a_better_one_does_not_and_an_hour_below_the_threshold_clears()
    {
        var watch = new PollutionWatch();
        for (var minute = 0; minute <= 60; minute++)
        {
            watch.Update(Aqi(170), false, T0.AddMinutes(minute), Options);
        }

        Assert.Equal(PollutionDecision.Raise, watch.Update(Aqi(210), false, T0.AddMinutes(61), Options));
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(180), false, T0.AddMinutes(62), Options));
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(230), false, T0.AddMinutes(63), Options));
        Assert.Equal(PollutionDecision.Raise, watch.Update(Aqi(320), false, T0.AddMinutes(64), Options));
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(120), false, T0.AddMinutes(65), Options));
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(120), false, T0.AddMinutes(124), Options));
        Assert.Equal(PollutionDecision.Clear, watch.Update(Aqi(120), false, T0.AddMinutes(125), Options));
    }

    [Theory]
    [InlineData(AirQualityBand.Unhealthy, AlertSeverity.Medium)]
    [InlineData(AirQualityBand.VeryUnhealthy, AlertSeverity.High)]
    [InlineData(AirQualityBand.Hazardous, AlertSeverity.Critical)]
    public void The_band_sets_the_severity(AirQualityBand band, AlertSeverity severity)
    {
        Assert.Equal(severity, PollutionWatch.SeverityOf(band));
    }

    [Fact]
    public void A_spike_alone_raises_pollution_once_and_clears_when_it_is_over()
    {
        var watch = new PollutionWatch();
        var decisions = Enumerable.Range(0, 16).Select(m => watch.Update(Aqi(90), true, T0.AddMinutes(m), Options)).ToArray();

        Assert.Equal(PollutionDecision.Raise, decisions[15]);
        Assert.All(decisions[..15], d => Assert.Equal(PollutionDecision.None, d));
        Assert.True(watch.RaisedForSpike);
        Assert.Equal(PollutionDecision.None, watch.Update(Aqi(90), false, T0.AddMinutes(20), Options));
        Assert.Equal(PollutionDecision.Clear, watch.Update(Aqi(90), false, T0.AddMinutes(80), Options));
    }

    [Fact]
    public void A_sensor_stuck_at_180_for_30_minutes_and_20_readings_is_stuck_until_it_reads_something_else()
    {
        var stuck = new StuckPollutant { Pollutant = AirPollutant.Pm25 };
        var transitions = Enumerable.Range(0, 31).Select(m => stuck.Update(180, T0.AddMinutes(m), Options)).ToArray();

        Assert.All(transitions[..30], t => Assert.Equal(SustainedTransition.None, t));
        Assert.Equal(SustainedTransition.Began, transitions[30]);
        Assert.Equal(T0, stuck.Since);
        Assert.Equal(SustainedTransition.None, stuck.Update(180, T0.AddMinutes(45), Options));
        Assert.Equal(SustainedTransition.Ended, stuck.Update(181.3, T0.AddMinutes(46), Options));
    }

    [Fact]
    public void Noisy_readings_and_a_gas_below_its_detection_limit_are_not_stuck()
    {
        var noisy = new StuckPollutant { Pollutant = AirPollutant.Pm25 };
        var zero = new StuckPollutant { Pollutant = AirPollutant.So2 };
        var random = new Random(7);
        for (var minute = 0; minute < 240; minute++)
        {
            Assert.Equal(SustainedTransition.None, noisy.Update(Math.Round(40 * (1 + (0.08 * (random.NextDouble() - 0.5))), 1), T0.AddMinutes(minute), Options));
            Assert.Equal(SustainedTransition.None, zero.Update(0, T0.AddMinutes(minute), Options));
        }
    }

    [Fact]
    public void A_PM2_5_sensor_drifting_08_per_hour_leaves_its_PM10_ratio_and_is_flagged_while_a_haze_raising_both_is_not()
    {
        var drifting = new PmRatioDrift();
        var haze = new PmRatioDrift();
        var flaggedAt = -1;
        for (var hour = 0; hour < 96; hour++)
        {
            var at = T0.AddHours(hour);
            var daily = 1 + (0.4 * Math.Sin(hour * Math.PI / 12));
            var pm25 = 40 * daily;
            var pm10 = 70 * daily;
            var bias = hour < 24 ? 0 : 0.8 * (hour - 24);
            if (drifting.AddHour(at, pm25 + bias, pm10, Options) == SustainedTransition.Began)
            {
                flaggedAt = hour;
            }

            var episode = hour is >= 30 and < 60 ? 5 : 1;
            Assert.Equal(SustainedTransition.None, haze.AddHour(at, pm25 * episode * 1.2, pm10 * episode, Options));
        }

        Assert.InRange(flaggedAt, 30, 72);
        Assert.Equal(1, drifting.Direction);
        Assert.InRange(drifting.UsualRatio(), 0.55, 0.7); // learnt from the normal days and only the start of the drift
    }

    [Fact]
    public void A_PM2_5_hour_three_times_the_stations_usual_level_at_that_hour_is_a_spike_once_three_days_are_learnt()
    {
        var profile = new Pm25Spike();
        for (var day = 0; day < 3; day++)
        {
            Assert.False(profile.IsSpike(T0.AddDays(day), 130, Options));
            profile.LearnHour(T0.AddDays(day), 40, Options);
        }

        Assert.True(profile.IsSpike(T0.AddDays(3), 130, Options));
        Assert.False(profile.IsSpike(T0.AddDays(3), 110, Options));
        Assert.False(profile.IsSpike(T0.AddDays(3).AddHours(5), 130, Options));
    }

    [Fact]
    public void Clean_air_tripling_below_75_is_not_a_spike()
    {
        var profile = new Pm25Spike();
        for (var day = 0; day < 5; day++)
        {
            profile.LearnHour(T0.AddDays(day), 10, Options);
        }

        Assert.False(profile.IsSpike(T0.AddDays(5), 60, Options));
    }

    [Fact]
    public void The_messages_speak_the_operators_language()
    {
        var stuck = new StuckPollutant { Pollutant = AirPollutant.Pm25 };
        for (var minute = 0; minute <= 30; minute++)
        {
            stuck.Update(180.5, T0.AddMinutes(minute), Options);
        }

        Assert.Equal("VN_AQI 165 (Xấu) từ 03:00, chất ô nhiễm chính PM2.5", PollutionMessages.Exceedance(Aqi(165), T0));
        Assert.Equal("Cảm biến PM2.5 đứng yên ở 180,5 µg/m³ từ 03:00 (31 lần đọc giống hệt nhau)", PollutionMessages.Stuck(stuck));
        Assert.Equal("PM2.5 tăng đột biến: 130 µg/m³ trong giờ này, gấp 3,3 lần mức thường lúc 03 giờ (40 µg/m³)", PollutionMessages.Spike(130, 40, T0));
    }
}
