namespace SmartCity.Twin.Detectors.Tests.Robust;

public sealed class RobustAndStuckDetectorTests
{
    [Fact]
    public void The_robust_z_score_uses_median_and_mad_so_earlier_spikes_do_not_widen_the_baseline()
    {
        // Window {10, 11, 12, 13, 14, 100, 100}: median 13, absolute deviations {3, 2, 1, 0, 1, 87, 87} → MAD 2,
        // σ = 1.4826·2 = 2.9652; x = 23 gives z = 10/2.9652 = 3.3725, two-sided p = 2·(1 − Φ(3.3725)) = 0.000745.
        var detector = new RobustSpikeDetector(new RobustSpikeOptions { WindowSize = 7 });
        foreach (var value in new[] { 10.0, 11, 12, 13, 14, 100, 100 })
        {
            detector.Next(value);
        }

        var score = detector.Next(23);

        Assert.Equal(0.000745, score.PValue, 6);
        Assert.True(score.IsAnomaly);
    }

    [Fact]
    public void Quantised_counts_with_zero_mad_fall_back_to_the_mean_absolute_deviation()
    {
        // {0×5, 1×3}: median 0, MAD 0; mean absolute deviation 3/8 → σ = 1.2533·0.375 = 0.4700; x = 1 → z = 2.128 (normal).
        var detector = new RobustSpikeDetector(new RobustSpikeOptions { WindowSize = 8 });
        foreach (var value in new[] { 0.0, 1, 0, 0, 1, 0, 1, 0 })
        {
            detector.Next(value);
        }

        Assert.False(detector.Next(1).IsAnomaly);
        Assert.True(detector.Next(3).IsAnomaly);
    }

    [Fact]
    public void A_reading_repeated_for_the_minimum_run_is_stuck_from_that_reading_on()
    {
        var detector = new StuckDetector(new StuckOptions { MinimumRun = 4 });
        detector.Next(20.1);
        detector.Next(20.4);

        var run = Enumerable.Range(0, 8).Select(_ => detector.Next(21.7)).ToList();
        var moving = detector.Next(21.8);

        Assert.Equal([false, false, false, true, true, true, true, true], run.Select(s => s.IsAnomaly));
        Assert.Equal(0.95, run[3].Score, 9);
        Assert.Equal(1, run[7].Score, 9);
        Assert.False(moving.IsAnomaly);
    }

    [Fact]
    public void A_count_resting_at_its_floor_all_night_is_not_stuck()
    {
        var detector = new StuckDetector(new StuckOptions { MinimumRun = 4 });
        foreach (var value in new[] { 3.0, 5, 0, 2 })
        {
            detector.Next(value);
        }

        var night = Enumerable.Range(0, 100).Select(_ => detector.Next(0)).ToList();

        Assert.DoesNotContain(night, s => s.IsAnomaly);
    }
}
