using SmartCity.Twin.Detectors;

namespace SmartCity.Twin.Grains.Warnings.Fire;

/// <summary>
/// What the fire rule remembers about one panel's readings, stored with the twin (public properties, JSON). Created
/// at the panel's first temperature or smoke reading.
/// </summary>
internal sealed class FireWatch
{
    public ReadingWindow Temperature { get; set; } = new();

    public ReadingWindow Smoke { get; set; } = new();

    /// <summary>The last rate of rise measured, °C per minute; <c>null</c> without two readings a minute apart.</summary>
    public double? RateOfRise { get; set; }

    /// <summary>A rate of rise seen over a single pair of readings, waiting for smoke or the next reading to confirm it: when it was seen.</summary>
    public DateTimeOffset? RiseSeenAt { get; set; }

    /// <summary>Since when the readings say fire; <c>null</c> when they do not.</summary>
    public DateTimeOffset? FireSince { get; set; }

    public FireCause FireCause { get; set; }

    /// <summary>The readings when the fire began: what the warning shows.</summary>
    public double FireTemperature { get; set; }

    public double? FireRateOfRise { get; set; }

    /// <summary>Since when the readings have been calm while <see cref="FireSince"/> is set.</summary>
    public DateTimeOffset? FireCalmSince { get; set; }

    /// <summary>Since when the readings say pre-alarm; <c>null</c> when they do not.</summary>
    public DateTimeOffset? PreAlarmSince { get; set; }

    public FireCause PreAlarmCause { get; set; }

    public double PreAlarmSmoke { get; set; }

    public DateTimeOffset? PreAlarmCalmSince { get; set; }

    /// <summary>The panel's recent average temperature (exponentially weighted), the baseline anomalies are told from.</summary>
    public double? TemperatureAverage { get; set; }

    public IidDetectorState? TemperatureBaseline { get; set; }

    public IidDetectorState? SmokeBaseline { get; set; }

    public DateTimeOffset? TemperatureAnomalyAt { get; set; }

    public DateTimeOffset? SmokeAnomalyAt { get; set; }
}
