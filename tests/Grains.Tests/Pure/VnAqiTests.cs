using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Grains.Tests.Pure;

public sealed class VnAqiTests
{
    private static readonly DateTimeOffset Hour = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AirPollutant.Pm25, 0, 0)]
    [InlineData(AirPollutant.Pm25, 25, 50)]
    [InlineData(AirPollutant.Pm25, 37.5, 75)]
    [InlineData(AirPollutant.Pm25, 30.25, 61)] // 60.5 rounds half away from zero
    [InlineData(AirPollutant.Pm25, 65, 125)]
    [InlineData(AirPollutant.Pm25, 200, 250)]
    [InlineData(AirPollutant.Pm25, 500, 500)]
    [InlineData(AirPollutant.Pm25, 800, 500)]
    [InlineData(AirPollutant.Pm10, 100, 75)]
    [InlineData(AirPollutant.Pm10, 385, 250)]
    [InlineData(AirPollutant.O3, 250, 125)]
    [InlineData(AirPollutant.O3, 160, 50)]
    [InlineData(AirPollutant.No2, 150, 75)]
    [InlineData(AirPollutant.No2, 1775, 250)]
    [InlineData(AirPollutant.So2, 237.5, 75)]
    [InlineData(AirPollutant.Co, 20000, 75)]
    [InlineData(AirPollutant.Co, 105000, 350)]
    public void A_sub_index_interpolates_linearly_between_the_breakpoints_of_Decision_1459(AirPollutant pollutant, double concentration, int expected)
    {
        Assert.Equal(expected, VnAqi.SubIndex(pollutant, concentration));
    }

    [Fact]
    public void A_negative_or_missing_concentration_has_no_sub_index()
    {
        Assert.Null(VnAqi.SubIndex(AirPollutant.Pm25, -1));
        Assert.Null(VnAqi.SubIndex(AirPollutant.Pm25, double.NaN));
    }

    [Fact]
    public void The_NowCast_of_a_steady_concentration_is_that_concentration()
    {
        Assert.Equal(37.5, VnAqi.NowCast(Enumerable.Repeat(37.5, 12).ToArray())!.Value, 9);
    }

    [Fact]
    public void The_NowCast_weights_recent_hours_with_w_at_least_one_half()
    {
        // min/max = 0.5 → w = 0.5: (40 + 0.5·20) / 1.5
        Assert.Equal(100.0 / 3, VnAqi.NowCast([40, 20])!.Value, 9);

        // min/max = 2/3 → w = 2/3: (30 + 2/3·20) / (1 + 2/3) = 26
        Assert.Equal(26, VnAqi.NowCast([30, 20])!.Value, 9);

        // min/max = 0.1 → w = 0.5: (100 + 0.5·10 + 0.25·10) / 1.75
        Assert.Equal(107.5 / 1.75, VnAqi.NowCast([100, 10, 10])!.Value, 9);
    }

    [Fact]
    public void The_NowCast_needs_two_of_the_three_most_recent_hours()
    {
        Assert.Null(VnAqi.NowCast([40, double.NaN, double.NaN, 30, 30]));
        Assert.NotNull(VnAqi.NowCast([double.NaN, 40, 30]));
    }

    [Fact]
    public void The_hourly_AQI_is_the_worst_sub_index()
    {
        var aqi = VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]>
        {
            [AirPollutant.Pm25] = Enumerable.Repeat(37.5, 12).ToArray(),
            [AirPollutant.O3] = [250],
            [AirPollutant.No2] = [150],
        });

        Assert.NotNull(aqi);
        Assert.Equal(125, aqi.Value);
        Assert.Equal(AirPollutant.O3, aqi.DominantPollutant);
        Assert.Equal(AirQualityBand.UnhealthyForSensitiveGroups, aqi.Band);
        Assert.Equal(75, aqi.SubIndices[AirPollutant.Pm25]);
        Assert.Equal(75, aqi.SubIndices[AirPollutant.No2]);
        Assert.Equal(Hour, aqi.Hour);
    }

    [Fact]
    public void There_is_no_AQI_without_PM2_5_or_PM10()
    {
        Assert.Null(VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]> { [AirPollutant.O3] = [500] }));
        Assert.Null(VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]> { [AirPollutant.Pm25] = [40] }));
    }

    [Fact]
    public void A_gas_counts_only_if_it_was_measured_in_the_current_hour()
    {
        var aqi = VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]>
        {
            [AirPollutant.Pm10] = [100, 100],
            [AirPollutant.Co] = [double.NaN, 90000],
        });

        Assert.Equal(75, aqi!.Value);
        Assert.False(aqi.SubIndices.ContainsKey(AirPollutant.Co));
    }

    [Theory]
    [InlineData(0, AirQualityBand.Good)]
    [InlineData(50, AirQualityBand.Good)]
    [InlineData(51, AirQualityBand.Moderate)]
    [InlineData(100, AirQualityBand.Moderate)]
    [InlineData(101, AirQualityBand.UnhealthyForSensitiveGroups)]
    [InlineData(150, AirQualityBand.UnhealthyForSensitiveGroups)]
    [InlineData(151, AirQualityBand.Unhealthy)]
    [InlineData(200, AirQualityBand.Unhealthy)]
    [InlineData(201, AirQualityBand.VeryUnhealthy)]
    [InlineData(300, AirQualityBand.VeryUnhealthy)]
    [InlineData(301, AirQualityBand.Hazardous)]
    [InlineData(500, AirQualityBand.Hazardous)]
    public void The_six_bands_cover_the_index_ranges_of_table_1(int index, AirQualityBand band)
    {
        Assert.Equal(band, AirQualityBandInfo.BandOf(index));
    }

    [Fact]
    public void The_bands_have_the_colours_of_table_1()
    {
        Assert.Equal(
            ["#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#8F3F97", "#7E0023"],
            AirQualityBandInfo.All.Select(b => b.ColourHex));
        Assert.Equal("Tốt", AirQualityBandInfo.Of(AirQualityBand.Good).VietnameseName);
        Assert.Equal("Nguy hại", AirQualityBandInfo.Of(AirQualityBand.Hazardous).VietnameseName);
    }
}
