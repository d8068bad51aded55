using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>
/// Whether one pollutant's sensor is stuck: the same value (within <see cref="PollutionWarningOptions.StuckTolerance"/>)
/// for <see cref="PollutionWarningOptions.StuckAfter"/> and <see cref="PollutionWarningOptions.StuckReadings"/>. It
/// is unstuck by the first reading that differs. Part of the persisted environment-sensor state.
/// </summary>
public sealed class StuckPollutant : FrozenReading
{
    public AirPollutant Pollutant { get; set; }

    public SustainedTransition Update(double value, DateTimeOffset at, PollutionWarningOptions options) =>
        Update(value, at, options.StuckAfter, options.StuckReadings, options.StuckTolerance);
}
