namespace SmartCity.Twin.Api.Tests.History;

/// <summary>The history answer as a client reads it.</summary>
internal sealed record HistoryResponseBody(string TwinId, string Metric, DateTimeOffset From, DateTimeOffset To, string Bucket, List<HistoryPointBody> Points);
