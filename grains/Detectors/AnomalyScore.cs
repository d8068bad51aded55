namespace SmartCity.Twin.Detectors;

/// <summary>What a streaming detector says about one point of a series.</summary>
/// <param name="Score">How anomalous the point is, in [0, 1]; comparable across detectors only through <see cref="IsAnomaly"/>.</param>
/// <param name="IsAnomaly">The detector's decision at its configured confidence.</param>
/// <param name="PValue">How likely a value at least this extreme is under the learned normal, in [0, 1]; 0.5 while still learning.</param>
/// <param name="Martingale">The change-point martingale after this point; 0 for detectors without one.</param>
public readonly record struct AnomalyScore(double Score, bool IsAnomaly, double PValue, double Martingale);
