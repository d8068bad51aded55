namespace SmartCity.Twin.Api.Alerts;

/// <summary>Which incidents a list shows: <see cref="From"/>/<see cref="To"/> keep those whose alerts span any of [from, to).</summary>
internal sealed record IncidentFilter(IncidentStatus? Status, DateTimeOffset? From, DateTimeOffset? To)
{
    public static readonly IncidentFilter All = new(null, null, null);

    public bool Matches(IncidentResponse incident) =>
        (Status is null || incident.Status == Status)
        && (From is null || incident.LastRaisedAt >= From)
        && (To is null || incident.FirstRaisedAt < To);
}
