namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When an environment-sensor twin raises <c>pollution</c> and <c>sensor-fault</c>.</summary>
/// <remarks>
/// <c>pollution</c> comes from two rules: the hourly VN_AQI (NowCast for PM) at or above <see cref="AqiThreshold"/>
/// for <see cref="PollutionAfter"/> of readings, or a PM2.5 spike far above what this station reads at this hour. A
/// pollutant with a <c>sensor-fault</c> (stuck, or drifting against its PM2.5/PM10 partner) takes part in neither.
/// </remarks>
public sealed class PollutionWarningOptions
{
    /// <summary>The VN_AQI at or above which the air is polluted. Default 151, the first index of band "Xấu" (poor, red).</summary>
    public int AqiThreshold { get; set; } = 151;

    /// <summary>
    /// How long every reading must find the hourly AQI at or above the threshold before <c>pollution</c> is raised (its
    /// onset is the first of them). Default 1 hour: the current hour's average starts from a few readings, so a
    /// threshold touched for minutes is noise; an hour of readings is the band held for a whole hour.
    /// </summary>
    public TimeSpan PollutionAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the AQI must stay below the threshold before the warning clears. Default 1 hour.</summary>
    public TimeSpan PollutionClearAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A pollutant reading the same value this long… Default 30 minutes.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>…over at least this many readings is stuck. Default 20 (a station reports every minute; a few dropped readings don't matter).</summary>
    public int StuckReadings { get; set; } = 20;

    /// <summary>
    /// Readings within this of the first of a run count as the same value. Default 0: identical. A reading of 0 never
    /// counts, since gases below a sensor's detection limit read 0 for hours in clean air.
    /// </summary>
    public double StuckTolerance { get; set; }

    /// <summary>
    /// A PM2.5/PM10 ratio this much off the station's own long-run ratio is a drifting sensor. Default 0.4 (40 %). Both
    /// fractions come from the same air, so a real haze moves them together; a drifting sensor moves one alone.
    /// </summary>
    public double DriftRatioChange { get; set; } = 0.4;

    /// <summary>How many consecutive hours the ratio must be off before <c>sensor-fault</c> is raised. Default 6.</summary>
    public int DriftHours { get; set; } = 6;

    /// <summary>How many complete hours of both PM2.5 and PM10 the station's ratio is learnt from before it is judged. Default 24.</summary>
    public int DriftLearningHours { get; set; } = 24;

    /// <summary>How many hours the learnt ratio remembers (the weight of a new hour is 1/this once learnt). Default 72.</summary>
    public int DriftMemoryHours { get; set; } = 72;

    /// <summary>A PM2.5 hour this many times the station's usual mean at this hour of the day is a spike. Default 3.</summary>
    public double SpikeFactor { get; set; } = 3;

    /// <summary>…and at least this concentration (µg/m³), so clean air doubling from 8 to 24 is not a spike. Default 75.</summary>
    public double SpikeMinimum { get; set; } = 75;

    /// <summary>How many days of an hour of the day must be learnt before a spike is judged against it. Default 3.</summary>
    public int SpikeLearningDays { get; set; } = 3;

    /// <summary>How many days the usual level of each hour remembers. Default 14.</summary>
    public int SpikeMemoryDays { get; set; } = 14;

    /// <summary>How many readings the current hour needs before its running mean is judged. Default 10.</summary>
    public int SpikeMinReadings { get; set; } = 10;

    /// <summary>How long every reading must show the spike before <c>pollution</c> is raised for it. Default 15 minutes.</summary>
    public TimeSpan SpikeAfter { get; set; } = TimeSpan.FromMinutes(15);
}
