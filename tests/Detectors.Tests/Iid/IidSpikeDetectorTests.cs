namespace SmartCity.Twin.Detectors.Tests.Iid;

public sealed class IidSpikeDetectorTests
{
    // History {1, 2, 3, 4}: mean 2.5, sample deviation √(5/3) = 1.290994; Silverman h = 1.06·1.290994·4^(−1/5) = 1.037094.
    // For x = 5 the standardised distances (5 − xᵢ)/h are 3.856930, 2.892697, 1.928465, 0.964232 with
    // Φ = 0.999943, 0.998090, 0.973101, 0.832535, so F(5) = 3.803669/4 = 0.950917:
    // positive p = 1 − F = 0.049083, two-sided p = 2·min(F, 1 − F) = 0.098165, negative p = F.
    [Theory]
    [InlineData(AnomalySide.Positive, 0.049083)]
    [InlineData(AnomalySide.TwoSided, 0.098165)]
    [InlineData(AnomalySide.Negative, 0.950917)]
    public void A_point_above_a_tiny_history_gets_the_hand_computed_kernel_density_p_value(AnomalySide side, double expected)
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = 4, Side = side });
        foreach (var value in new[] { 1.0, 2, 3, 4 })
        {
            detector.Next(value);
        }

        var score = detector.Next(5);

        Assert.Equal(expected, score.PValue, 6);
        Assert.Equal(1 - expected, score.Score, 6);
        Assert.Equal(0, score.Martingale);
    }

    [Fact]
    public void The_p_value_decides_at_the_configured_confidence()
    {
        // p = 0.049083 (above): a spike at 95% confidence, not at 99%.
        Assert.True(Feed(95, 1, 2, 3, 4, 5).IsAnomaly);
        Assert.False(Feed(99, 1, 2, 3, 4, 5).IsAnomaly);

        static AnomalyScore Feed(double confidence, params double[] values)
        {
            var detector = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = 4, Confidence = confidence, Side = AnomalySide.Positive });
            var last = default(AnomalyScore);
            foreach (var value in values)
            {
                last = detector.Next(value);
            }

            return last;
        }
    }

    [Fact]
    public void The_detector_only_learns_until_its_history_is_half_full()
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = 10 });

        var learning = Enumerable.Range(0, 5).Select(i => detector.Next(i % 2)).ToList();
        var scored = detector.Next(1000);

        Assert.All(learning, s => Assert.Equal(new AnomalyScore(0, false, 0.5, 0), s));
        Assert.True(scored.IsAnomaly);
    }

    [Fact]
    public void A_constant_series_is_normal_and_the_first_departure_from_it_is_a_spike()
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions());
        var constant = Enumerable.Range(0, 300).Select(_ => detector.Next(21.5)).ToList();

        var departure = detector.Next(22);

        Assert.DoesNotContain(constant, s => s.IsAnomaly);
        Assert.True(departure.IsAnomaly);
        Assert.Equal(1, departure.Score, 6);
    }

    [Fact]
    public void Side_positive_ignores_dips()
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions { Side = AnomalySide.Positive });
        var random = new Random(4);
        for (var i = 0; i < 200; i++)
        {
            detector.Next(random.NextDouble());
        }

        Assert.False(detector.Next(-50).IsAnomaly);
        Assert.True(detector.Next(50).IsAnomaly);
    }

    [Fact]
    public void Bad_settings_and_readings_are_refused_with_the_setting_named()
    {
        Assert.Equal("Confidence", Assert.Throws<ArgumentOutOfRangeException>(() => new IidSpikeDetector(new IidSpikeOptions { Confidence = 100 })).ParamName);
        Assert.Equal("PValueHistoryLength", Assert.Throws<ArgumentOutOfRangeException>(() => new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = 3 })).ParamName);
        var stored = new IidDetectorState { History = new double[50] };
        var wrongLength = Assert.Throws<ArgumentException>(() => new IidSpikeDetector(new IidSpikeOptions(), stored));
        Assert.Contains("50", wrongLength.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IidSpikeDetector(new IidSpikeOptions()).Next(double.NaN));
    }
}
