namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>
/// Hourly VN_AQI as defined by Decision 1459/QĐ-TCMT (2019) of the Vietnam Environment Administration:
/// sub-index per pollutant by linear interpolation between the breakpoints of table 2, the worst one wins, and there
/// is no AQI unless PM2.5 or PM10 has one. PM2.5 and PM10 use the NowCast of the last 12 hourly averages; O3 uses the
/// 1-hour breakpoints; NO2, SO2 and CO use the hour's average.
/// </summary>
/// <remarks>
/// Implementation choices where the text leaves room: indices are rounded half away from zero; a concentration at or
/// above the last breakpoint gives 500; the NowCast is the normalised weighted mean Σwⁱ⁻¹cᵢ/Σwⁱ⁻¹ also when w = ½
/// (the text writes Σ(½)ⁱcᵢ, which differs from it by the factor Σ(½)ⁱ⁻¹/2 ≈ 0.9998 over 12 hours); when two
/// pollutants tie, the earlier in <see cref="AirPollutant"/> order is dominant.
/// </remarks>
public static class VnAqi
{
    /// <summary>How many hourly averages the NowCast of PM2.5 and PM10 looks back over.</summary>
    public const int NowCastHours = 12;

    private static readonly double[] IndexLevels = [0, 50, 100, 150, 200, 300, 400, 500];

    private static readonly double[][] Breakpoints =
    [
        [0, 25, 50, 80, 150, 250, 350, 500], // PM2.5
        [0, 50, 150, 250, 350, 420, 500, 600], // PM10
        [0, 160, 200, 300, 400, 800, 1000, 1200], // O3, 1-hour
        [0, 100, 200, 700, 1200, 2350, 3100, 3850], // NO2
        [0, 125, 350, 550, 800, 1600, 2100, 2630], // SO2
        [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000], // CO
    ];

    /// <summary>The sub-index of one pollutant for a concentration in µg/m³ (for PM: the NowCast concentration); <c>null</c> for a negative or non-finite input.</summary>
    public static int? SubIndex(AirPollutant pollutant, double concentration)
    {
        if (!double.IsFinite(concentration) || concentration < 0)
        {
            return null;
        }

        var breakpoints = Breakpoints[(int)pollutant];
        for (var i = 0; i < breakpoints.Length - 1; i++)
        {
            if (concentration <= breakpoints[i + 1])
            {
                var index = IndexLevels[i] + ((IndexLevels[i + 1] - IndexLevels[i]) / (breakpoints[i + 1] - breakpoints[i]) * (concentration - breakpoints[i]));
                return (int)Math.Round(index, MidpointRounding.AwayFromZero);
            }
        }

        return (int)IndexLevels[^1];
    }

    /// <summary>
    /// The NowCast concentration from hourly averages, most recent first (<c>hourly[0]</c> is the current hour);
    /// missing hours are <see cref="double.NaN"/>. <c>null</c> unless at least two of the three most recent hours have data.
    /// </summary>
    public static double? NowCast(ReadOnlySpan<double> hourly)
    {
        if (hourly.Length > NowCastHours)
        {
            hourly = hourly[..NowCastHours];
        }

        var recent = 0;
        for (var i = 0; i < Math.Min(3, hourly.Length); i++)
        {
            if (!double.IsNaN(hourly[i]))
            {
                recent++;
            }
        }

        if (recent < 2)
        {
            return null;
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var c in hourly)
        {
            if (!double.IsNaN(c))
            {
                min = Math.Min(min, c);
                max = Math.Max(max, c);
            }
        }

        if (max <= 0)
        {
            return 0;
        }

        var ratio = min / max;
        var w = ratio <= 0.5 ? 0.5 : ratio;
        double weighted = 0, weights = 0, weight = 1;
        foreach (var c in hourly)
        {
            if (!double.IsNaN(c))
            {
                weighted += weight * c;
                weights += weight;
            }

            weight *= w;
        }

        return weighted / weights;
    }

    /// <summary>
    /// The hourly AQI from per-pollutant hourly averages (µg/m³, most recent first, <see cref="double.NaN"/> for a missing
    /// hour; an absent pollutant is not measured). <c>null</c> when neither PM2.5 nor PM10 has a sub-index.
    /// </summary>
    public static AirQualityIndex? Hourly(DateTimeOffset hour, IReadOnlyDictionary<AirPollutant, double[]> hourlyAverages)
    {
        var subIndices = new Dictionary<AirPollutant, int>();
        foreach (var (pollutant, series) in hourlyAverages)
        {
            if (series.Length == 0)
            {
                continue;
            }

            double? concentration = pollutant is AirPollutant.Pm25 or AirPollutant.Pm10
                ? NowCast(series)
                : double.IsNaN(series[0]) ? null : series[0];
            if (concentration is { } c && SubIndex(pollutant, c) is { } subIndex)
            {
                subIndices[pollutant] = subIndex;
            }
        }

        if (!subIndices.ContainsKey(AirPollutant.Pm25) && !subIndices.ContainsKey(AirPollutant.Pm10))
        {
            return null;
        }

        var dominant = subIndices.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First();
        return new AirQualityIndex(dominant.Value, AirQualityBandInfo.BandOf(dominant.Value), dominant.Key, hour, subIndices);
    }
}
