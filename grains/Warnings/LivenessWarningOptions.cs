namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a device twin raises <c>offline</c>.</summary>
public sealed class LivenessWarningOptions
{
    /// <summary>A device that has said nothing for this long is offline, whatever its connection says. Default 15 minutes.</summary>
    public TimeSpan OfflineAfterSilence { get; set; } = TimeSpan.FromMinutes(15);
}
