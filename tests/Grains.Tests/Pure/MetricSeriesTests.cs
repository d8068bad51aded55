using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Grains.Tests.Pure;

public sealed class MetricSeriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_history_keeps_the_newest_points_up_to_its_capacity_oldest_first()
    {
        var series = new MetricSeries { Name = "pm2_5" };
        for (var i = 0; i < 20; i++)
        {
            series.Record(T0.AddSeconds(i), i, capacity: 8);
        }

        var history = series.ToHistory(8);
        Assert.Equal(Enumerable.Range(12, 8).Select(i => (double)i), history.Samples.Select(s => s.Value));
        Assert.Equal(T0.AddSeconds(12), history.Samples[0].Timestamp);
        Assert.Equal(19, series.LatestValue);
    }

    [Fact]
    public void A_late_point_goes_into_the_history_in_time_order_without_replacing_the_latest_value()
    {
        var series = new MetricSeries { Name = "temperature" };
        series.Record(T0, 1, 8);
        series.Record(T0.AddSeconds(10), 3, 8);

        var becameLatest = series.Record(T0.AddSeconds(5), 2, 8);

        Assert.False(becameLatest);
        Assert.Equal(3, series.LatestValue);
        Assert.Equal([1.0, 2.0, 3.0], series.ToHistory(8).Samples.Select(s => s.Value));
    }

    [Fact]
    public void A_late_point_into_a_full_history_drops_the_oldest_and_one_older_than_everything_is_ignored()
    {
        var series = new MetricSeries { Name = "noise" };
        for (var i = 0; i < 4; i++)
        {
            series.Record(T0.AddSeconds(i * 10), i * 10, 4);
        }

        series.Record(T0.AddSeconds(15), 15, 4);
        Assert.Equal([10.0, 15.0, 20.0, 30.0], series.ToHistory(4).Samples.Select(s => s.Value));

        series.Record(T0.AddSeconds(1), 1, 4);
        Assert.Equal([10.0, 15.0, 20.0, 30.0], series.ToHistory(4).Samples.Select(s => s.Value));
    }

    [Fact]
    public void Points_within_the_same_second_keep_one_sample_the_last_to_arrive()
    {
        var series = new MetricSeries { Name = "queue_length" };
        series.Record(T0.AddMilliseconds(100), 1, 8);
        series.Record(T0.AddMilliseconds(900), 2, 8);

        Assert.Equal([2.0], series.ToHistory(8).Samples.Select(s => s.Value));
        Assert.Equal(T0.AddMilliseconds(900), series.ToReading()!.Timestamp);
    }

    [Fact]
    public void A_history_read_back_with_a_smaller_capacity_keeps_its_newest_points()
    {
        var series = new MetricSeries { Name = "co" };
        for (var i = 0; i < 10; i++)
        {
            series.Record(T0.AddSeconds(i), i, 16);
        }

        series.Normalize(capacity: 4);

        Assert.Equal([6.0, 7.0, 8.0, 9.0], series.ToHistory(4).Samples.Select(s => s.Value));
        series.Record(T0.AddSeconds(10), 10, 4);
        Assert.Equal([7.0, 8.0, 9.0, 10.0], series.ToHistory(4).Samples.Select(s => s.Value));
    }

    [Fact]
    public void A_full_history_of_64_points_costs_two_primitive_arrays()
    {
        var series = new MetricSeries { Name = "pm10" };
        for (var i = 0; i < 1000; i++)
        {
            series.Record(T0.AddSeconds(i), i, 64);
        }

        Assert.Equal(64, series.Seconds.Length);
        Assert.Equal(64, series.Values.Length);
        Assert.Equal(64, series.Count);
    }
}
