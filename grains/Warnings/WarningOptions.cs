namespace SmartCity.Twin.Grains.Warnings;

/// <summary>
/// Settings of the twins' own detectors, under <c>Warnings</c> in the silo's configuration (e.g.
/// <c>Warnings:ServiceCounter:OfficerAbsentAfter=00:20:00</c>). Defaults are the production defaults.
/// </summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    /// <summary>
    /// Whether twins run their detectors at all. Default <c>true</c>. Off, a twin only records what devices report and
    /// warnings come only from callers of <c>RaiseWarning</c>: how the telemetry benchmark measures what detection costs.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public FireWarningOptions Fire { get; set; } = new();

    public CameraWarningOptions Camera { get; set; } = new();

    public PollutionWarningOptions Pollution { get; set; } = new();

    public ServiceCounterWarningOptions ServiceCounter { get; set; } = new();

    public TrafficWarningOptions Traffic { get; set; } = new();

    public LivenessWarningOptions Liveness { get; set; } = new();
}
