using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Warnings.Pollution;

namespace SmartCity.Twin.Grains.Devices.EnvironmentSensors;

internal sealed class EnvironmentSensorTwinState : DeviceTwinState
{
    /// <summary>One entry per pollutant reported so far.</summary>
    public HourlyAverages[] Pollutants { get; set; } = [];

    /// <summary>Unix hour of the newest pollutant reading: the hour the AQI is computed for.</summary>
    public int LatestHour { get; set; }

    // What the detectors have learnt and are watching; all null until the first pollutant reading with detectors on.

    /// <summary>The pollution rules' progress.</summary>
    public PollutionWatch? Pollution { get; set; }

    /// <summary>One stuck-sensor watch per pollutant reported.</summary>
    public StuckPollutant[]? Stuck { get; set; }

    /// <summary>The station's learnt PM2.5/PM10 ratio and how far off it the latest hours were.</summary>
    public PmRatioDrift? Drift { get; set; }

    /// <summary>The station's usual PM2.5 per hour of the day.</summary>
    public Pm25Spike? Profile { get; set; }

    /// <summary>Unix hour up to which complete hours were given to <see cref="Drift"/> and <see cref="Profile"/>.</summary>
    public int JudgedHour { get; set; }

    /// <summary>The pollutants the <c>sensor-fault</c> warning up is about; <c>null</c> when none is up.</summary>
    public AirPollutant[]? FaultyPollutants { get; set; }
}
