namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>
/// Running clock-hour averages of one pollutant over the last <see cref="VnAqi.NowCastHours"/> hours: what the hourly
/// VN_AQI needs, in 12 slots indexed by Unix hour modulo 12. Part of the persisted environment-sensor state.
/// </summary>
internal sealed class HourlyAverages
{
    public AirPollutant Pollutant { get; set; }

    /// <summary>Unix hour held by each slot (0: empty).</summary>
    public int[] Hours { get; set; } = new int[VnAqi.NowCastHours];

    public double[] Sums { get; set; } = new double[VnAqi.NowCastHours];

    public int[] Counts { get; set; } = new int[VnAqi.NowCastHours];

    public static int HourOf(DateTimeOffset timestamp) => (int)(timestamp.ToUnixTimeSeconds() / 3600);

    /// <summary>Adds a reading; returns <c>false</c> if it is older than the hours kept.</summary>
    public bool Add(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            return false;
        }

        var hour = HourOf(timestamp);
        var slot = hour % VnAqi.NowCastHours;
        if (Hours[slot] != hour)
        {
            if (hour < Hours[slot])
            {
                return false;
            }

            Hours[slot] = hour;
            Sums[slot] = 0;
            Counts[slot] = 0;
        }

        Sums[slot] += value;
        Counts[slot]++;
        return true;
    }

    /// <summary>The mean of the clock hour <paramref name="hour"/> (Unix hour) and how many readings made it; NaN and 0 when it is not held.</summary>
    public (double Mean, int Readings) MeanOf(int hour)
    {
        var slot = ((hour % VnAqi.NowCastHours) + VnAqi.NowCastHours) % VnAqi.NowCastHours;
        return Hours[slot] == hour && Counts[slot] > 0 ? (Sums[slot] / Counts[slot], Counts[slot]) : (double.NaN, 0);
    }

    /// <summary>The hourly averages ending at <paramref name="currentHour"/>, most recent first; NaN for an hour without data.</summary>
    public double[] MostRecentFirst(int currentHour)
    {
        var result = new double[VnAqi.NowCastHours];
        for (var i = 0; i < result.Length; i++)
        {
            var hour = currentHour - i;
            var slot = ((hour % VnAqi.NowCastHours) + VnAqi.NowCastHours) % VnAqi.NowCastHours;
            result[i] = Hours[slot] == hour && Counts[slot] > 0 ? Sums[slot] / Counts[slot] : double.NaN;
        }

        return result;
    }

    public bool IsConsistent =>
        Hours.Length == VnAqi.NowCastHours && Sums.Length == VnAqi.NowCastHours && Counts.Length == VnAqi.NowCastHours;
}
