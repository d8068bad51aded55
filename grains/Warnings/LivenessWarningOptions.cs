namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a device twin raises <c>offline</c>.</summary>
public sealed class LivenessWarningOptions
{
    /// <summary>
    /// A device that has said nothing for this long is offline, whatever its connection says: offline from its last
    /// message plus this time. Default 15 minutes. A device provisioned with the attribute
    /// <c>reportIntervalSeconds</c> gets at least <see cref="MissedReports"/> times that interval.
    /// </summary>
    public TimeSpan OfflineAfterSilence { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many of its own report intervals a device provisioned with <c>reportIntervalSeconds</c> may miss before it
    /// is offline, when that is longer than <see cref="OfflineAfterSilence"/>. Default 3.
    /// </summary>
    public int MissedReports { get; set; } = 3;

    /// <summary>
    /// A device reported offline (its MQTT Will, a lost connection) opens an alert only if it is still offline this long
    /// after: a device that reconnects at once is a blip, not something for an operator. The alert, when it opens, is
    /// dated when the device went offline. Default 1 minute; zero raises at once.
    /// </summary>
    public TimeSpan OfflineAlertAfter { get; set; } = TimeSpan.FromMinutes(1);
}
