namespace SmartCity.Twin.Detectors.Tests.Spectral;

public sealed class SpectralResidualTests
{
    // Worked example (independent plain-DFT computation of the same steps): 16 points, 1 everywhere but 5 at index 8,
    // extended by κ = 5 copies of x[14] + 2·ḡ with ḡ = 0 (the flat tail, 1), 21-point spectrum,
    // log-amplitude minus its 3-point circular average, back to the time domain.
    private static readonly double[] FlatWithSpike = [1, 1, 1, 1, 1, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1];

    private static readonly double[] ExpectedSaliency =
        [0.145867, 0.135721, 0.123641, 0.110700, 0.098048, 0.086810, 0.077983, 0.072353, 1.070419, 0.072353, 0.077983, 0.086810, 0.098048, 0.110700, 0.123641, 0.135721];

    [Fact]
    public void The_saliency_map_of_a_flat_series_with_one_spike_peaks_at_the_spike_with_the_worked_values()
    {
        var saliency = SpectralResidual.Saliency(FlatWithSpike);

        Assert.Equal(16, saliency.Length);
        for (var i = 0; i < saliency.Length; i++)
        {
            Assert.Equal(ExpectedSaliency[i], saliency[i], 5);
        }

        Assert.Equal(8, Array.IndexOf(saliency, saliency.Max()));
    }

    [Fact]
    public void A_rising_series_is_extrapolated_along_its_slope()
    {
        // x = 0…7: every (x[6] − x[6−i])/i is 1, so ḡ = 1 and the tail is x[6] + 2 = 8, the next point of the line.
        var series = new double[13];
        for (var i = 0; i < 8; i++)
        {
            series[i] = i;
        }

        SpectralResidual.Extrapolate(series, 8, 5);

        Assert.All(series[8..], v => Assert.Equal(8, v, 12));
    }

    [Fact]
    public void A_spike_in_the_newest_point_does_not_leak_into_the_extrapolated_tail()
    {
        var series = new double[] { 10, 10, 10, 10, 10, 10, 10, 40, 0, 0, 0, 0, 0 };

        SpectralResidual.Extrapolate(series, 8, 5);

        Assert.All(series[8..], v => Assert.Equal(10, v, 12));
    }

    [Fact]
    public void The_streaming_detector_scores_the_newest_point_with_the_batch_maps_last_saliency()
    {
        var options = new SpectralResidualOptions { WindowSize = 32, ExtrapolatedPoints = 5, LocalAverageWindow = 5 };
        var detector = new SpectralResidualDetector(options);
        var random = new Random(3);
        var values = Enumerable.Range(0, 80).Select(t => Math.Sin(t / 4.0) + random.NextDouble()).ToArray();

        foreach (var value in values)
        {
            detector.Next(value);
        }

        var batch = SpectralResidual.Saliency(values.AsSpan(80 - 27));
        var streamed = detector.State.Saliencies[(int)((detector.State.SaliencyCount - 1) % options.LocalAverageWindow)];
        Assert.Equal(batch[^1], streamed, 9);
    }

    [Fact]
    public void A_spike_far_above_a_noisy_cycle_is_flagged()
    {
        var detector = new SpectralResidualDetector(new SpectralResidualOptions());
        var random = new Random(5);
        var normal = Enumerable.Range(0, 400).Select(t => detector.Next(10 + Math.Sin(t / 10.0) + (0.3 * random.NextDouble()))).ToList();

        var spike = detector.Next(30);

        Assert.True(normal.Count(s => s.IsAnomaly) <= 4);
        Assert.True(spike.IsAnomaly);
        Assert.True(spike.Score > 0.95);
    }

    [Fact]
    public void A_window_that_is_not_a_power_of_two_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralResidualDetector(new SpectralResidualOptions { WindowSize = 60 }));
        Assert.Equal("WindowSize", error.ParamName);
    }
}
