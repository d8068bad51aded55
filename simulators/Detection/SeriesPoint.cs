namespace SmartCity.Twin.Simulators.Detection;

/// <summary>One row of a <c>timestamp,value</c> series, with the timestamp's text exactly as the file gave it.</summary>
internal readonly record struct SeriesPoint(string Timestamp, string ValueText, double Value, long Line);
