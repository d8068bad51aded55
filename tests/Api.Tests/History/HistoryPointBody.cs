namespace SmartCity.Twin.Api.Tests.History;

internal sealed record HistoryPointBody(DateTimeOffset Start, double Min, double Max, double Avg, long Count);
