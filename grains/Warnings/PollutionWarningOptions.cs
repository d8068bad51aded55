namespace SmartCity.Twin.Grains.Warnings;

/// <summary>When an environment-sensor twin raises <c>pollution</c> and <c>sensor-fault</c>.</summary>
public sealed class PollutionWarningOptions
{
    /// <summary>The VN_AQI at or above which the air is polluted. Default 151, the first index of band "Xấu" (poor, red).</summary>
    public int AqiThreshold { get; set; } = 151;
}
