using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// The year's weather by region. Northern Vietnam (the Red River delta: Thái Bình, Bắc Ninh) has a cool dry winter
/// with stagnant air, the haze season (November–March), and hot rainy summers that wash the air. The south (the Mekong
/// delta: Hậu Giang) is warm all year with a dry season (December–April) somewhat hazier than the rains.
/// </summary>
internal static class Season
{
    // Monthly factors on the annual mean PM2.5, January first; from the shape of Hanoi's and Can Tho's monitoring series.
    private static readonly double[] NorthernHaze = [1.6, 1.45, 1.3, 1.0, 0.8, 0.6, 0.55, 0.6, 0.75, 1.0, 1.3, 1.55];
    private static readonly double[] SouthernHaze = [1.2, 1.25, 1.2, 1.1, 0.9, 0.85, 0.85, 0.85, 0.85, 0.9, 1.0, 1.1];

    // Monthly mean air temperature (°C).
    private static readonly double[] NorthernTemperature = [16.5, 17.5, 20, 24, 27.5, 29.5, 29.8, 29, 27.8, 25.2, 21.8, 18.3];
    private static readonly double[] SouthernTemperature = [25.5, 26.3, 27.5, 28.7, 28.3, 27.6, 27.2, 27.1, 27, 26.9, 26.6, 25.6];

    // Monthly mean relative humidity (%).
    private static readonly double[] NorthernHumidity = [80, 84, 88, 88, 83, 82, 83, 86, 85, 82, 80, 79];
    private static readonly double[] SouthernHumidity = [78, 76, 75, 77, 83, 85, 86, 86, 87, 87, 84, 81];

    /// <summary>The Hải Vân pass at about 16° N divides the north's four seasons from the south's two.</summary>
    public static bool IsNorthern(GeoPoint location) => location.Latitude >= 16;

    public static double Haze(DateTimeOffset at, bool northern) => Monthly(northern ? NorthernHaze : SouthernHaze, at);

    public static double Temperature(DateTimeOffset at, bool northern) => Monthly(northern ? NorthernTemperature : SouthernTemperature, at);

    public static double Humidity(DateTimeOffset at, bool northern) => Monthly(northern ? NorthernHumidity : SouthernHumidity, at);

    /// <summary>Linear between mid-months, so a month's change does not jump at midnight of the 1st.</summary>
    private static double Monthly(double[] table, DateTimeOffset at)
    {
        var local = ProvinceTime.Local(at);
        var position = local.Month - 1 + ((local.Day - 1 + (local.TimeOfDay.TotalHours / 24)) / DateTime.DaysInMonth(local.Year, local.Month)) - 0.5;
        var index = (int)Math.Floor(position);
        var fraction = position - index;
        var from = table[(index + 12) % 12];
        var to = table[(index + 13) % 12];
        return from + ((to - from) * fraction);
    }
}
