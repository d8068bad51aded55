namespace SmartCity.Twin.Api.Kpis;

/// <summary>KPIs over [<see cref="From"/>, <see cref="To"/>) for the province and its districts, or one district.</summary>
/// <param name="SampleInterval">How often the series behind the range were sampled (ISO 8601 duration).</param>
/// <param name="Province"><c>null</c> when one district was asked for.</param>
internal sealed record KpisResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    string SampleInterval,
    AreaKpis? Province,
    IReadOnlyList<AreaKpis> Districts);
