namespace SmartCity.Twin.Detectors.Tests.Ssa;

public sealed class SsaSpikeDetectorTests
{
    [Fact]
    public void A_pure_sinusoid_is_forecast_almost_exactly_from_a_rank_two_model()
    {
        var detector = new SsaSpikeDetector(new SsaSpikeOptions { TrainingWindowSize = 60, SeasonalityWindowSize = 12, RefitInterval = 1000 });
        static double Sine(int t) => 3 * Math.Sin(2 * Math.PI * t / 12.5);
        for (var t = 0; t < 60; t++)
        {
            detector.Next(Sine(t));
        }

        Assert.Equal(2, detector.State.Rank);
        for (var t = 60; t < 160; t++)
        {
            Assert.Equal(Sine(t), detector.Forecast(), 8);
            detector.Next(Sine(t));
        }
    }

    [Fact]
    public void A_linear_trend_is_forecast_almost_exactly()
    {
        var detector = new SsaSpikeDetector(new SsaSpikeOptions { TrainingWindowSize = 48, SeasonalityWindowSize = 8 });
        static double Line(int t) => 12.5 + (0.25 * t);
        for (var t = 0; t < 48; t++)
        {
            detector.Next(Line(t));
        }

        Assert.Equal(2, detector.State.Rank);
        Assert.Equal(Line(48), detector.Forecast(), 8);
    }

    [Fact]
    public void A_spike_on_a_daily_cycle_is_flagged_and_the_cycles_own_peaks_are_not()
    {
        var detector = new SsaSpikeDetector(new SsaSpikeOptions { Confidence = 99.99 });
        var random = new Random(12);
        double Temperature(int t) => 28 + (4 * Math.Cos(2 * Math.PI * t / 288)) + (0.1 * random.NextDouble());
        var normal = Enumerable.Range(0, 1000).Select(t => detector.Next(Temperature(t))).ToList();

        var spike = detector.Next(Temperature(1000) + 3);

        Assert.True(normal.Count(s => s.IsAnomaly) <= 5, "at most 0.5% of normal points flagged");
        Assert.True(spike.IsAnomaly);
    }

    [Fact]
    public void An_all_zero_series_forecasts_zero_and_raises_nothing()
    {
        var detector = new SsaSpikeDetector(new SsaSpikeOptions());

        var scores = Enumerable.Range(0, 500).Select(_ => detector.Next(0)).ToList();

        Assert.Equal(0, detector.Forecast());
        Assert.DoesNotContain(scores, s => s.IsAnomaly);
    }

    [Fact]
    public void A_training_window_shorter_than_two_seasons_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SsaSpikeDetector(new SsaSpikeOptions { TrainingWindowSize = 40, SeasonalityWindowSize = 24 }));
        Assert.Equal("TrainingWindowSize", error.ParamName);
    }
}
