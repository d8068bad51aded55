using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Grains.Devices.EnvironmentSensors;

/// <summary>
/// The twin of an air-quality station (grain type <c>environment-sensor</c>). It reports PM2.5, PM10, O3, NO2, SO2
/// and CO in µg/m³ under the metric names of <see cref="PollutantMetrics"/>, and any other metric (temperature,
/// humidity, noise…) as plain telemetry.
/// </summary>
public interface IEnvironmentSensorTwin : IDeviceTwin
{
    /// <summary>
    /// The hourly VN_AQI for the clock hour of the newest pollutant reading; <c>null</c> until PM2.5 or PM10 has
    /// readings in two of the last three hours. The current hour counts with its running average, so the index is
    /// provisional until the hour ends.
    /// </summary>
    [ReadOnly]
    Task<AirQualityIndex?> GetAirQuality();
}
