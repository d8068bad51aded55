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

    /// <summary>Table 2 of Decision 1459/QĐ-TCMT: each pollutant's breakpoints BPᵢ (µg/m³) for the index levels Iᵢ.</summary>
    private static readonly int[] IndexLevels = [0, 50, 100, 150, 200, 300, 400, 500];

    private static readonly Dictionary<AirPollutant, double[]> Table2 = new()
    {
        [AirPollutant.Pm25] = [0, 25, 50, 80, 150, 250, 350, 500],
        [AirPollutant.Pm10] = [0, 50, 150, 250, 350, 420, 500, 600],
        [AirPollutant.O3] = [0, 160, 200, 300, 400, 800, 1000, 1200],
        [AirPollutant.No2] = [0, 100, 200, 700, 1200, 2350, 3100, 3850],
        [AirPollutant.So2] = [0, 125, 350, 550, 800, 1600, 2100, 2630],
        [AirPollutant.Co] = [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
    };

    public static TheoryData<AirPollutant, double, int> EveryBreakpoint()
    {
        var data = new TheoryData<AirPollutant, double, int>();
        foreach (var (pollutant, breakpoints) in Table2)
        {
            for (var i = 0; i < breakpoints.Length; i++)
            {
                data.Add(pollutant, breakpoints[i], IndexLevels[i]);
            }
        }

        return data;
    }

    public static TheoryData<AirPollutant, double, int> EverySegmentMidpoint()
    {
        var data = new TheoryData<AirPollutant, double, int>();
        foreach (var (pollutant, breakpoints) in Table2)
        {
            for (var i = 1; i < breakpoints.Length; i++)
            {
                data.Add(pollutant, (breakpoints[i - 1] + breakpoints[i]) / 2, (IndexLevels[i - 1] + IndexLevels[i]) / 2);
            }
        }

        return data;
    }

    /// <summary>
    /// For every pollutant and band above "Tốt": the lowest concentration whose rounded index is the band's first
    /// index (51, 101, 151, 201, 301), i.e. BPᵢ plus half an index step, and the concentration just below it.
    /// </summary>
    public static TheoryData<AirPollutant, double, AirQualityBand> EveryBandEntry()
    {
        var data = new TheoryData<AirPollutant, double, AirQualityBand>();
        foreach (var (pollutant, breakpoints) in Table2)
        {
            for (var i = 1; i <= 5; i++)
            {
                var halfStep = 0.5 * (breakpoints[i + 1] - breakpoints[i]) / (IndexLevels[i + 1] - IndexLevels[i]);
                var entry = breakpoints[i] + halfStep;
                data.Add(pollutant, entry, (AirQualityBand)i);
                data.Add(pollutant, entry - (halfStep / 10), (AirQualityBand)(i - 1));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryBreakpoint))]
    public void Every_breakpoint_of_table_2_gives_its_index_level(AirPollutant pollutant, double concentration, int expected)
    {
        Assert.Equal(expected, VnAqi.SubIndex(pollutant, concentration));
    }

    [Theory]
    [MemberData(nameof(EverySegmentMidpoint))]
    public void Halfway_between_two_breakpoints_is_halfway_between_their_index_levels(AirPollutant pollutant, double concentration, int expected)
    {
        Assert.Equal(expected, VnAqi.SubIndex(pollutant, concentration));
    }

    [Theory]
    [MemberData(nameof(EveryBandEntry))]
    public void Every_pollutant_enters_every_band_where_its_rounded_index_reaches_the_bands_first_index(AirPollutant pollutant, double concentration, AirQualityBand band)
    {
        Assert.Equal(band, AirQualityBandInfo.BandOf(VnAqi.SubIndex(pollutant, concentration)!.Value));
    }

    [Theory]
    [InlineData(25, 50)]
    [InlineData(25.1, 50)] // 50.2: the decision interpolates from BPᵢ = 25 (I = 50), not from 25.1 (I = 51) as the US EPA's table does
    [InlineData(25.25, 51)]
    [InlineData(50, 100)]
    [InlineData(50.3, 101)]
    [InlineData(80, 150)]
    [InlineData(80.7, 151)]
    [InlineData(150.7, 201)]
    [InlineData(250.5, 301)]
    public void PM2_5_band_boundaries_follow_the_decisions_continuous_interpolation(double concentration, int expected)
    {
        Assert.Equal(expected, VnAqi.SubIndex(AirPollutant.Pm25, concentration));
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
    public void The_NowCast_over_twelve_hours_with_w_above_one_half_weights_hour_i_by_w_to_the_i()
    {
        // Worked example, most recent hour first: min 56, max 80 → w* = 0.7 (> ½, so w = w*).
        double[] hourly = [80, 72, 64, 60, 58, 56, 60, 62, 66, 70, 74, 78];
        double weighted = 0, weights = 0;
        for (var i = 0; i < hourly.Length; i++)
        {
            weighted += Math.Pow(0.7, i) * hourly[i];
            weights += Math.Pow(0.7, i);
        }

        Assert.Equal(weighted / weights, VnAqi.NowCast(hourly)!.Value, 9);
        Assert.InRange(VnAqi.NowCast(hourly)!.Value, 69.35, 69.45);
    }

    [Fact]
    public void The_NowCast_skips_missing_hours_and_looks_back_twelve_hours_only()
    {
        // Hour 2 missing, min/max = 0.4 so w = ½: (50 + ½²·20) / (1 + ½²); the 13th hour (1000) is beyond the NowCast.
        Assert.Equal(55 / 1.25, VnAqi.NowCast([50, double.NaN, 20])!.Value, 9);
        double[] thirteen = [.. Enumerable.Repeat(40.0, 12), 1000];
        Assert.Equal(40, VnAqi.NowCast(thirteen)!.Value, 9);
    }

    [Fact]
    public void A_sudden_haze_hour_raises_the_hourly_AQI_less_than_its_own_concentration_would()
    {
        // Eleven clean hours at 20 then one at 120: w = ½, the NowCast is (120 + Σ½ⁱ·20) / Σ½ⁱ ≈ 70 → AQI 133 ("Kém"), not 175.
        double[] hourly = [120, .. Enumerable.Repeat(20.0, 11)];
        var aqi = VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]> { [AirPollutant.Pm25] = hourly });

        Assert.Equal(AirQualityBand.UnhealthyForSensitiveGroups, aqi!.Band);
        Assert.InRange(aqi.Value, 130, 136);
    }

    [Theory]
    [InlineData(10, AirQualityBand.Good)]
    [InlineData(40, AirQualityBand.Moderate)]
    [InlineData(70, AirQualityBand.UnhealthyForSensitiveGroups)]
    [InlineData(100, AirQualityBand.Unhealthy)]
    [InlineData(200, AirQualityBand.VeryUnhealthy)]
    [InlineData(400, AirQualityBand.Hazardous)]
    public void A_steady_PM2_5_puts_the_hourly_AQI_in_each_of_the_six_bands(double pm25, AirQualityBand band)
    {
        var aqi = VnAqi.Hourly(Hour, new Dictionary<AirPollutant, double[]> { [AirPollutant.Pm25] = Enumerable.Repeat(pm25, 12).ToArray() });

        Assert.Equal(band, aqi!.Band);
        Assert.Equal(AirPollutant.Pm25, aqi.DominantPollutant);
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
