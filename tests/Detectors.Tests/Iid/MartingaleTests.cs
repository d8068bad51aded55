namespace SmartCity.Twin.Detectors.Tests.Iid;

public sealed class MartingaleTests
{
    // Power, ε = 0.1: bets 0.1·p^(−0.9) = 0.186607 (p 0.5), 6.309573 (p 0.01), 50.118723 (p 0.001); product 59.010188.
    [Fact]
    public void The_power_martingale_multiplies_the_hand_computed_bets()
    {
        var log = Martingale.LogPowerBet(0.5, 0.1) + Martingale.LogPowerBet(0.01, 0.1) + Martingale.LogPowerBet(0.001, 0.1);

        Assert.Equal(0.186607, Math.Exp(Martingale.LogPowerBet(0.5, 0.1)), 6);
        Assert.Equal(59.010188, Math.Exp(log), 5);
    }

    // Mixture: (p(ln p − 1) + 1)/(p ln²p) = 0.638674 (p 0.5), 4.450992 (p 0.01), 20.791134 (p 0.001); product 59.103637.
    [Fact]
    public void The_mixture_martingale_multiplies_the_hand_computed_bets()
    {
        var log = Martingale.LogMixtureBet(0.5) + Martingale.LogMixtureBet(0.01) + Martingale.LogMixtureBet(0.001);

        Assert.Equal(0.638674, Math.Exp(Martingale.LogMixtureBet(0.5)), 6);
        Assert.Equal(20.791134, Math.Exp(Martingale.LogMixtureBet(0.001)), 5);
        Assert.Equal(59.103637, Math.Exp(log), 5);
    }

    [Fact]
    public void The_mixture_bet_is_continuous_where_its_series_takes_over_near_p_one()
    {
        Assert.Equal(0.5, Math.Exp(Martingale.LogMixtureBet(1)), 12);
        var justOutside = Math.Exp(Martingale.LogMixtureBet(Math.Exp(-1.0001e-4)));
        var justInside = Math.Exp(Martingale.LogMixtureBet(Math.Exp(-0.9999e-4)));
        Assert.Equal(justOutside, justInside, 7);
    }

    [Theory]
    [InlineData(MartingaleType.Power)]
    [InlineData(MartingaleType.Mixture)]
    public void A_level_shift_is_one_change_point_where_the_martingale_crosses_one_over_alpha(MartingaleType martingale)
    {
        var detector = new IidChangePointDetector(new IidChangePointOptions { Martingale = martingale, ChangeHistoryLength = 50 });
        var random = new Random(8);
        var before = Enumerable.Range(0, 300).Select(_ => detector.Next(random.NextDouble())).ToList();
        var after = Enumerable.Range(0, 30).Select(_ => detector.Next(10 + random.NextDouble())).ToList();

        Assert.Equal(20, detector.Threshold, 9);
        Assert.DoesNotContain(before, s => s.IsAnomaly);
        var changes = after.Select((s, i) => (s, i)).Where(x => x.s.IsAnomaly).ToList();
        Assert.Single(changes);
        Assert.True(changes[0].i < 5);
        Assert.True(changes[0].s.Martingale >= 20);
        Assert.Equal(1, changes[0].s.Score);
    }

    [Fact]
    public void Without_a_martingale_change_points_are_decided_by_the_p_value()
    {
        var detector = new IidChangePointDetector(new IidChangePointOptions { Martingale = MartingaleType.None, ChangeHistoryLength = 4 });
        foreach (var value in new[] { 1.0, 2, 3, 4 })
        {
            detector.Next(value);
        }

        var score = detector.Next(5);

        Assert.Equal(0.098165, score.PValue, 6);
        Assert.False(score.IsAnomaly);
        Assert.Equal(0, score.Martingale);
    }

    [Fact]
    public void A_bad_epsilon_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new IidChangePointDetector(new IidChangePointOptions { PowerMartingaleEpsilon = 1 }));
        Assert.Equal("PowerMartingaleEpsilon", error.ParamName);
    }
}
