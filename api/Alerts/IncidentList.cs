namespace SmartCity.Twin.Api.Alerts;

/// <summary>Incidents, the most recently active first.</summary>
internal sealed record IncidentList(IReadOnlyList<IncidentResponse> Items);
