namespace SmartCity.Twin.Detectors;

/// <summary>Which departures from normal count: as ML.NET's <c>AnomalySide</c>.</summary>
public enum AnomalySide
{
    TwoSided,
    Positive,
    Negative,
}
