namespace SmartCity.Twin.Api.Alerts;

/// <summary>An incident is open while any of its alerts is not resolved.</summary>
internal enum IncidentStatus
{
    Open,
    Closed,
}
