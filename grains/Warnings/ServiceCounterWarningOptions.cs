namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a service-counter twin raises <c>officer-absent</c> and <c>queue-overload</c>.</summary>
public sealed class ServiceCounterWarningOptions
{
    /// <summary>An officer away from the counter during opening hours for longer than this is absent. Default 15 minutes.</summary>
    public TimeSpan OfficerAbsentAfter { get; set; } = TimeSpan.FromMinutes(15);
}
