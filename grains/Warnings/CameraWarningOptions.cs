namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a camera twin raises <c>intrusion</c>, <c>tamper</c> and <c>smoke</c>.</summary>
public sealed class CameraWarningOptions
{
    /// <summary>Start of the restricted hours, local time (UTC+7). Default 22:00.</summary>
    public TimeSpan RestrictedFrom { get; set; } = new(22, 0, 0);

    /// <summary>End of the restricted hours, local time (UTC+7). Default 05:00.</summary>
    public TimeSpan RestrictedUntil { get; set; } = new(5, 0, 0);

    /// <summary>The analytics zone where nobody should be at any hour. Default <c>restricted</c>.</summary>
    public string RestrictedZone { get; set; } = "restricted";

    /// <summary>The analytics zone name a camera's smoke detection reports. Default <c>smoke</c>.</summary>
    public string SmokeZone { get; set; } = "smoke";

    /// <summary>Motion or people bursts are counted over this window. Default 2 minutes.</summary>
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Motion events in the restricted zone within <see cref="BurstWindow"/> that make an intrusion. Default 2: one
    /// could be a cat or a shadow, a second within minutes is someone there.
    /// </summary>
    public int RestrictedZoneEvents { get; set; } = 2;

    /// <summary>Motion or person events in the restricted hours within <see cref="BurstWindow"/> that can make an intrusion. Default 3.</summary>
    public int NightBurstEvents { get; set; } = 3;

    /// <summary>
    /// ...if the others around the latest of them are improbable (Poisson) at the camera's usual rate for the hour
    /// (learned per hour of the day, <c>HourlyActivity</c>): so improbable that a camera with that rate all night would
    /// raise at most this many false intrusions a night. Default 0.005. A camera with a busy night (a hospital, a
    /// junction) needs a denser burst than a school's: 5–6 events in two minutes against 3.
    /// </summary>
    public double NightBurstFalseAlarmsPerNight { get; set; } = 0.005;

    /// <summary>
    /// The usual rate (events per hour) assumed while a camera has watched for less than 20 minutes. Default 12, a
    /// hospital camera at night: a new camera does not mistake a busy night for an intrusion.
    /// </summary>
    public double AssumedHourlyRate { get; set; } = 12;

    /// <summary>The least usual rate (events per hour) ever assumed, however quiet the camera has been. Default 0.5.</summary>
    public double MinimumHourlyRate { get; set; } = 0.5;

    /// <summary>Weight of the latest day in the camera's learned rate per hour of the day. Default 0.2 (about the last week).</summary>
    public double BaselineWeight { get; set; } = 0.2;

    /// <summary>An intrusion clears after this long without an intrusion event or restricted motion, by the camera's clock. Default 15 minutes.</summary>
    public TimeSpan IntrusionQuietAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>smoke</c> clears after this long without a smoke event. Default 15 minutes.</summary>
    public TimeSpan SmokeQuietAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>tamper</c> clears after this long without another tamper event while the camera keeps reporting. Default 1 hour.</summary>
    public TimeSpan TamperQuietAfter { get; set; } = TimeSpan.FromHours(1);
}
