namespace SmartCity.Twin.Api.History;

/// <summary>One bucket of a history answer; buckets without points are left out.</summary>
internal sealed record HistoryPoint(DateTimeOffset Start, double Min, double Max, double Avg, long Count);
