using SmartCity.Twin.Grains.AirQuality;

namespace SmartCity.Twin.Grains.Devices.EnvironmentSensors;

internal sealed class EnvironmentSensorTwinState : DeviceTwinState
{
    /// <summary>One entry per pollutant reported so far.</summary>
    public HourlyAverages[] Pollutants { get; set; } = [];

    /// <summary>Unix hour of the newest pollutant reading: the hour the AQI is computed for.</summary>
    public int LatestHour { get; set; }
}
