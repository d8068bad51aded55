using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// What an air-quality station measures, as expected values before sensor noise. PM2.5 has rush-hour peaks and a
/// night-time bump (the boundary layer sinks after dusk and traps the evening's emissions), a season, and is higher in
/// the provincial capital; PM10 is coarse dust on top of it; NO2, CO and SO2 come from exhausts; O3 is made by sunlight
/// and peaks early in the afternoon; temperature peaks mid-afternoon and humidity mirrors it.
/// </summary>
internal static class AirQualityModel
{
    // Annual mean PM2.5 (µg/m³) of a provincial capital and of its rural districts in the Red River delta.
    public const double CityPm25 = 38;
    public const double RuralPm25 = 27;

    /// <summary>Daily shape of PM2.5 around the day's mean (about 1).</summary>
    public static double Pm25Shape(DateTimeOffset at)
    {
        var hour = ProvinceTime.HourOfDay(at);
        var inversion = DailyShape.Bump(hour, 2, 2.8);
        return 0.55 + (0.6 * TrafficModel.Level(at)) + (0.35 * inversion);
    }

    /// <summary>Expected PM2.5 without noise; from <paramref name="replayed"/> (a real city-level reading) when there is one.</summary>
    public static double Pm25(DateTimeOffset at, bool inCity, bool northern, double? replayed) =>
        replayed is { } real
            ? real * (inCity ? 1 : RuralPm25 / CityPm25)
            : (inCity ? CityPm25 : RuralPm25) * Season.Haze(at, northern) * Pm25Shape(at);

    public static double No2(DateTimeOffset at, bool inCity) => (inCity ? 1.3 : 0.8) * (8 + (42 * TrafficModel.Level(at)));

    public static double Co(DateTimeOffset at, bool inCity) => (inCity ? 1.2 : 0.8) * (350 + (900 * TrafficModel.Level(at)));

    public static double So2(DateTimeOffset at, bool inCity) => (inCity ? 1.2 : 0.9) * (4 + (7 * TrafficModel.Level(at)));

    public static double O3(DateTimeOffset at, bool northern)
    {
        var sun = DailyShape.Bump(ProvinceTime.HourOfDay(at), 13.5, 2.3);
        var strength = Season.Temperature(at, northern) / 28;
        return 18 + (75 * sun * strength);
    }

    public static double Temperature(DateTimeOffset at, bool northern) =>
        Season.Temperature(at, northern) + (4 * DailyShape.Cycle(ProvinceTime.HourOfDay(at), 14.5));

    public static double Humidity(DateTimeOffset at, bool northern) =>
        Math.Min(98, Season.Humidity(at, northern) - (12 * DailyShape.Cycle(ProvinceTime.HourOfDay(at), 14.5)));

    /// <summary>Street noise (dB(A)): a quiet night around 45, a busy street near 70.</summary>
    public static double Noise(DateTimeOffset at, bool inCity) => (inCity ? 48 : 43) + (24 * TrafficModel.Level(at));

    public static IReadOnlyList<string> Metrics { get; } =
        [PollutantMetrics.Pm25, PollutantMetrics.Pm10, PollutantMetrics.No2, PollutantMetrics.O3, PollutantMetrics.So2, PollutantMetrics.Co,
            "temperature", "humidity", "noise_db"];
}
