using SmartCity.Twin.Grains.AirQuality;
using SmartCity.Twin.Grains.Alerts;
using SmartCity.Twin.Grains.Warnings.Sustained;

namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>
/// Whether a station's air is polluted: the hourly VN_AQI of its trusted pollutants at or above the threshold for a
/// sustained time, or a PM2.5 spike against its own hourly profile. Raises once when pollution begins and again only
/// when the band gets worse; clears when both rules are over. Part of the persisted environment-sensor state.
/// </summary>
public sealed class PollutionWatch
{
    public SustainedCondition Exceedance { get; set; } = new();

    public SustainedCondition Spike { get; set; } = new();

    /// <summary>The worst band raised for the current warning; <c>null</c> when no warning is up.</summary>
    public AirQualityBand? RaisedBand { get; set; }

    /// <summary>Whether the warning up was raised for a spike alone.</summary>
    public bool RaisedForSpike { get; set; }

    public static AlertSeverity SeverityOf(AirQualityBand band) => band switch
    {
        AirQualityBand.Hazardous => AlertSeverity.Critical,
        AirQualityBand.VeryUnhealthy => AlertSeverity.High,
        AirQualityBand.Unhealthy => AlertSeverity.Medium,
        _ => AlertSeverity.Low,
    };

    /// <summary>
    /// Takes the trusted hourly AQI (<c>null</c>: none) and whether the current PM2.5 hour is a spike, at reading time
    /// <paramref name="at"/>.
    /// </summary>
    public PollutionDecision Update(AirQualityIndex? aqi, bool spike, DateTimeOffset at, PollutionWarningOptions options)
    {
        var exceeds = aqi is { } index && index.Value >= options.AqiThreshold;
        Exceedance.Update(exceeds, at, options.PollutionAfter, options.PollutionClearAfter);
        Spike.Update(spike, at, options.SpikeAfter, options.PollutionClearAfter);
        if (Exceedance.IsActive && aqi is { } current)
        {
            if (RaisedBand is null || RaisedForSpike || current.Band > RaisedBand)
            {
                RaisedBand = RaisedBand is { } raised && raised > current.Band ? raised : current.Band;
                RaisedForSpike = false;
                return PollutionDecision.Raise;
            }

            return PollutionDecision.None;
        }

        if (Spike.IsActive)
        {
            if (RaisedBand is null)
            {
                RaisedBand = aqi?.Band ?? AirQualityBand.Good;
                RaisedForSpike = true;
                return PollutionDecision.Raise;
            }

            return PollutionDecision.None;
        }

        if (RaisedBand is not null && !Exceedance.IsActive)
        {
            RaisedBand = null;
            RaisedForSpike = false;
            return PollutionDecision.Clear;
        }

        return PollutionDecision.None;
    }

    /// <summary>The onset of the warning up: the first reading of the exceedance (or spike) that raised it.</summary>
    public DateTimeOffset? Onset() => RaisedForSpike ? Spike.HeldSince : Exceedance.HeldSince;
}
