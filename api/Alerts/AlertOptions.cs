namespace SmartCity.Twin.Api.Alerts;

/// <summary>Settings under <c>Alerts</c>: how close in space and time alerts must be to form one incident.</summary>
internal sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>An alert joins an incident when within this distance of one of its alerts.</summary>
    public double IncidentRadiusMeters { get; set; } = 300;

    /// <summary>…and raised within this time of that alert (before or after).</summary>
    public TimeSpan IncidentWindow { get; set; } = TimeSpan.FromMinutes(10);
}
