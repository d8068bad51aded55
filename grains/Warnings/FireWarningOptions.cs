namespace SmartCity.Twin.Grains.Warnings;

/// <summary>
/// When a fire-alarm twin raises <c>fire</c> and <c>fire-pre-alarm</c> from its own readings (<c>temperature</c> °C,
/// <c>smoke</c> obscuration %/m), besides the panel's own alarm and pre-alarm.
/// </summary>
public sealed class FireWarningOptions
{
    /// <summary>A heat detector at or above this is a fire. Default 57 °C, the fixed-temperature point of EN 54-5 class A1.</summary>
    public double TemperatureCelsius { get; set; } = 57;

    /// <summary>Temperature rising at least this fast is a fire. Default 8.3 °C per minute (EN 54-5 class A1 rate of rise).</summary>
    public double RateOfRiseCelsiusPerMinute { get; set; } = 8.3;

    /// <summary>
    /// The rate of rise is measured between the latest reading and the newest one at least this much older. Default 60 s:
    /// a 60-second panel's consecutive readings, and never two readings a few seconds apart whose noise would look like a
    /// steep rise.
    /// </summary>
    public TimeSpan RateOfRiseMinimumSpan { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Readings further apart than this (a gap in reporting) give no rate of rise. Default 3 minutes.</summary>
    public TimeSpan RateOfRiseMaximumSpan { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Smoke obscuration at or above this, and higher than the previous reading, is smoke rising: <c>fire-pre-alarm</c>.
    /// It also confirms a rate of rise seen over a single pair of readings. Default 1.0 %/m, the pre-alarm level of
    /// common point smoke detectors (they alarm around 2–4 %/m); the simulated panels' dust and cooking stay below 0.5.
    /// </summary>
    public double SmokeObscurationPercentPerMetre { get; set; } = 1.0;

    /// <summary>
    /// Temperature and smoke both anomalous against the panel's own baseline (<c>IidSpikeDetector</c>, upper side) within
    /// this time of each other raise <c>fire-pre-alarm</c>. Default 2 minutes: two 60-second readings.
    /// </summary>
    public TimeSpan AnomalyPairWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Confidence of the baseline detectors, in percent. Default 99.5 (a p-value below 0.005).</summary>
    public double AnomalyConfidence { get; set; } = 99.5;

    /// <summary>Readings each baseline detector learns from. Default 120 (two hours of a 60-second panel).</summary>
    public int AnomalyHistoryLength { get; set; } = 120;

    /// <summary>
    /// A temperature anomaly counts only this far above the panel's recent average, so that a quiet panel's tiny noise
    /// never makes one. Default 2 °C.
    /// </summary>
    public double AnomalyTemperatureRiseCelsius { get; set; } = 2;

    /// <summary>A smoke anomaly counts only at or above this obscuration. Default 0.3 %/m, well above simulated dust.</summary>
    public double AnomalySmokePercentPerMetre { get; set; } = 0.3;

    /// <summary>
    /// Readings must stay calm this long before a warning raised from them clears: temperature below
    /// <see cref="TemperatureCelsius"/> less <see cref="ClearMarginCelsius"/> and not rising fast for <c>fire</c>, smoke
    /// below <see cref="SmokeObscurationPercentPerMetre"/> for <c>fire-pre-alarm</c>. Default 10 minutes.
    /// </summary>
    public TimeSpan ClearAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far below <see cref="TemperatureCelsius"/> the temperature must fall to count as calm. Default 3 °C.</summary>
    public double ClearMarginCelsius { get; set; } = 3;
}
