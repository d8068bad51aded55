namespace SmartCity.Twin.Detectors;

/// <summary>Scores a series one point at a time, in time order; O(window) work and no allocation per point.</summary>
public interface IStreamingDetector
{
    AnomalyScore Next(double value);
}
