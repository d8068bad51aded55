using SmartCity.Twin.Simulators.Load;

namespace SmartCity.Twin.Simulators.Tests.Load;

public sealed class LatencySamplesTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_samples()
    {
        var samples = new LatencySamples();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            samples.Add(ms);
        }

        var percentiles = samples.Percentiles();

        Assert.Equal(new LatencyPercentiles(100, 50, 90, 99, 100), percentiles);
    }

    [Fact]
    public void Without_samples_there_are_no_percentiles()
    {
        var percentiles = new LatencySamples().Percentiles();

        Assert.Equal(0, percentiles.Samples);
        Assert.True(double.IsNaN(percentiles.P50));
    }
}
