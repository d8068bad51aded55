namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>The telemetry metric names an environment sensor reports pollutants under (µg/m³).</summary>
public static class PollutantMetrics
{
    public const string Pm25 = "pm2_5";
    public const string Pm10 = "pm10";
    public const string O3 = "o3";
    public const string No2 = "no2";
    public const string So2 = "so2";
    public const string Co = "co";

    public static bool TryGetPollutant(string metric, out AirPollutant pollutant)
    {
        switch (metric)
        {
            case Pm25 or "pm25":
                pollutant = AirPollutant.Pm25;
                return true;
            case Pm10:
                pollutant = AirPollutant.Pm10;
                return true;
            case O3:
                pollutant = AirPollutant.O3;
                return true;
            case No2:
                pollutant = AirPollutant.No2;
                return true;
            case So2:
                pollutant = AirPollutant.So2;
                return true;
            case Co:
                pollutant = AirPollutant.Co;
                return true;
            default:
                pollutant = default;
                return false;
        }
    }
}
