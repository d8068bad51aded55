namespace SmartCity.Twin.Grains.AirQuality;

/// <summary>The six parameters of VN_AQI. Concentrations are in µg/m³ (CO too, as in Decision 1459/QĐ-TCMT).</summary>
public enum AirPollutant
{
    Pm25,
    Pm10,
    O3,
    No2,
    So2,
    Co,
}
