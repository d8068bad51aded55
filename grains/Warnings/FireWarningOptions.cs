namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When a fire-alarm twin raises <c>fire</c> from its own readings (besides the panel's alarm).</summary>
public sealed class FireWarningOptions
{
    /// <summary>A heat detector at or above this is a fire. Default 57 °C, the fixed-temperature point of EN 54-5 class A1.</summary>
    public double TemperatureCelsius { get; set; } = 57;

    /// <summary>Temperature rising at least this fast is a fire. Default 8.3 °C per minute (EN 54-5 class A1 rate of rise).</summary>
    public double RateOfRiseCelsiusPerMinute { get; set; } = 8.3;
}
