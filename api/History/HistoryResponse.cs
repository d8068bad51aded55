namespace SmartCity.Twin.Api.History;

/// <summary>A metric's history over [<see cref="From"/>, <see cref="To"/>) in buckets of <see cref="Bucket"/> (ISO 8601 duration).</summary>
internal sealed record HistoryResponse(string TwinId, string Metric, DateTimeOffset From, DateTimeOffset To, string Bucket, IReadOnlyList<HistoryPoint> Points);
