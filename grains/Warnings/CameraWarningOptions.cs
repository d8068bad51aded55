namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a camera twin raises <c>intrusion</c>, <c>tamper</c> and <c>smoke</c>.</summary>
public sealed class CameraWarningOptions
{
    /// <summary>Start of the restricted hours, local time (UTC+7). Default 22:00.</summary>
    public TimeSpan RestrictedFrom { get; set; } = new(22, 0, 0);

    /// <summary>End of the restricted hours, local time (UTC+7). Default 05:00.</summary>
    public TimeSpan RestrictedUntil { get; set; } = new(5, 0, 0);
}
