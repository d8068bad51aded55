namespace SmartCity.Twin.Simulators.Detection;

/// <summary>What <c>detect</c> did with one file.</summary>
internal sealed record SeriesDetectionResult(string Input, string Output, long Rows, long Anomalies);
